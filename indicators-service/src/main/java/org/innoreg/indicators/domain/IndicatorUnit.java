package org.innoreg.indicators.domain;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/** The unit an indicator's values are in; RMB_100M is the statistical yearbooks' 亿元. */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum IndicatorUnit implements Labelled {
    PERCENT("百分比", "%"),
    COUNT("个数", "个", "项"),
    RMB("元"),
    RMB_100M("亿元"),
    PER_10K_PEOPLE("每万人"),
    RATIO("比值");

    private final String chinese;
    private final List<String> aliases;

    IndicatorUnit(String chinese, String... aliases) {
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
