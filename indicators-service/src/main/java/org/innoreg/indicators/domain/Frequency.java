package org.innoreg.indicators.domain;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/** How often an indicator is observed. */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum Frequency implements Labelled {
    ANNUAL("年度", "年"),
    QUARTERLY("季度", "季"),
    MONTHLY("月度", "月");

    private final String chinese;
    private final List<String> aliases;

    Frequency(String chinese, String... aliases) {
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
}
