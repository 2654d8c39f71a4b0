package org.innoreg.projects.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.innoreg.projects.domain.ProjectStage.CANCELLED;
import static org.innoreg.projects.domain.ProjectStage.IN_PRODUCTION;
import static org.innoreg.projects.domain.ProjectStage.LANDED;
import static org.innoreg.projects.domain.ProjectStage.LEAD;
import static org.innoreg.projects.domain.ProjectStage.NEGOTIATING;
import static org.innoreg.projects.domain.ProjectStage.SIGNED;
import static org.innoreg.projects.domain.ProjectStage.STALLED;
import static org.innoreg.projects.domain.ProjectStage.UNDER_CONSTRUCTION;

import java.util.EnumSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The pipeline's legal moves, every stage from every stage: the stage machine alone (the fast
 * layer).
 */
@Tag("fast")
class ProjectStageTest {

    @Test
    void theMainLineMovesOneStepAtATimeAndMayStallOrBeCancelled() {
        assertThat(LEAD.allowedNext(null)).containsExactly(NEGOTIATING, STALLED, CANCELLED);
        assertThat(NEGOTIATING.allowedNext(null)).containsExactly(SIGNED, STALLED, CANCELLED);
        assertThat(SIGNED.allowedNext(null)).containsExactly(LANDED, STALLED, CANCELLED);
        assertThat(LANDED.allowedNext(null))
                .containsExactly(UNDER_CONSTRUCTION, STALLED, CANCELLED);
        assertThat(UNDER_CONSTRUCTION.allowedNext(null))
                .containsExactly(IN_PRODUCTION, STALLED, CANCELLED);
    }

    @Test
    void aStalledProjectResumesOnlyWhereItLeftOrIsCancelled() {
        for (ProjectStage left : EnumSet.range(LEAD, UNDER_CONSTRUCTION)) {
            assertThat(STALLED.allowedNext(left))
                    .as("stalled from %s", left)
                    .containsExactly(left, CANCELLED);
        }
        assertThat(STALLED.allowedNext(null))
                .as("where it left unknown")
                .containsExactly(CANCELLED);
    }

    @Test
    void productionAndCancellationAreTheEnds() {
        assertThat(IN_PRODUCTION.allowedNext(null)).isEmpty();
        assertThat(CANCELLED.allowedNext(null)).isEmpty();
        assertThat(CANCELLED.allowedNext(SIGNED)).isEmpty();
        assertThat(EnumSet.allOf(ProjectStage.class))
                .filteredOn(ProjectStage::isActive)
                .containsExactly(LEAD, NEGOTIATING, SIGNED, LANDED, UNDER_CONSTRUCTION);
    }

    @Test
    void noStageLeadsBackwardsOnTheMainLineOrToItself() {
        for (ProjectStage from : ProjectStage.values()) {
            for (ProjectStage to : from.allowedNext(null)) {
                assertThat(to).as("%s -> %s", from, to).isNotEqualTo(from);
                if (to.isActive() && from.isActive()) {
                    assertThat(to.ordinal()).as("%s -> %s", from, to).isEqualTo(from.ordinal() + 1);
                }
            }
        }
    }
}
