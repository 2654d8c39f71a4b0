package org.innoreg.registry.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

@Schema(description = Labelled.ACCEPTS_LABELS)
public enum OrganizationKind implements Labelled {
    ENTERPRISE("企业"),
    UNIVERSITY("高校"),
    RESEARCH_INSTITUTE("科研院所"),
    HOSPITAL("医院"),
    OTHER("其他");

    private final String chinese;

    OrganizationKind(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
