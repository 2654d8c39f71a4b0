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
    LEAD("招商线索", "线索", "在谈线索"),
    NEGOTIATING("洽谈", "在谈", "洽谈中"),
    SIGNED("已签约", "签约"),
    LANDED("已落地", "落地"),
    UNDER_CONSTRUCTION("在建", "开工", "建设中"),
    IN_PRODUCTION("已投产", "投产"),
    STALLED("停滞", "停工"),
    CANCELLED("已取消", "取消", "终止");

    private final String chinese;
    private final List<String> aliases;

    ProjectStage(String chinese, String... aliases) {
        this.chinese = chinese;
        this.aliases = List.of(aliases);
    }

    @Override
    public String chinese() {
        return chinese;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

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
