package org.innoreg.registry.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

@Schema(description = Labelled.ACCEPTS_LABELS)
public enum PlatformStatus implements Labelled {
    ACTIVE("有效"),
    UNDER_REVIEW("评估中"),
    REVOKED("已撤销"),
    MERGED("已合并");

    private final String chinese;

    PlatformStatus(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
