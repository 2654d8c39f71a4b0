package org.innoreg.projects.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.projects.domain.ProjectStage;
import org.innoreg.projects.domain.ProjectTransition;

@Schema(name = "ProjectTransition")
public record TransitionView(
        @Schema(description = "Absent for the stage the project entered the pipeline at")
                ProjectStage from,
        ProjectStage to,
        @Schema(example = "2018-03-15") LocalDate on,
        String note,
        OffsetDateTime recordedAt) {

    public static TransitionView of(ProjectTransition t) {
        return new TransitionView(t.from, t.to, t.on, t.note, t.recordedAt);
    }
}
