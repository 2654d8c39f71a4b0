package org.innoreg.projects.domain;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/**
 * Where a project stands in the pipeline. The main line runs lead → negotiating → signed → landed →
 * under construction → in production; an active stage may stall (and resume at the stage it left);
 * anything but a project in production may be cancelled.
 */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum ProjectStage implements Labelled {
    LEAD,
    NEGOTIATING,
    SIGNED,
    LANDED,
    UNDER_CONSTRUCTION,
    IN_PRODUCTION,
    STALLED,
    CANCELLED;

    /** Stages on the way to production, from which a project can stall. */
    public boolean isActive() {
        return ordinal() <= UNDER_CONSTRUCTION.ordinal();
    }

    /**
     * The stages a project may move to from this one.
     *
     * @param beforeStall for a stalled project, the stage it left (the only one it can resume)
     */
    public List<ProjectStage> allowedNext(ProjectStage beforeStall) {
        List<ProjectStage> next = new ArrayList<>();
        if (isActive()) {
            next.add(values()[ordinal() + 1]);
            next.add(STALLED);
        }
        if (this == STALLED && beforeStall != null) {
            next.add(beforeStall);
        }
        if (this != IN_PRODUCTION && this != CANCELLED) {
            next.add(CANCELLED);
        }
        return next;
    }
}
