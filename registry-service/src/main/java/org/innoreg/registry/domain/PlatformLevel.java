package org.innoreg.registry.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/** Who accredited the platform. */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum PlatformLevel implements Labelled {
    NATIONAL("国家级"),
    PROVINCIAL("省级"),
    MUNICIPAL("市级");

    private final String chinese;

    PlatformLevel(String chinese) {
        this.chinese = chinese;
    }

    @Override
    public String chinese() {
        return chinese;
    }
}
