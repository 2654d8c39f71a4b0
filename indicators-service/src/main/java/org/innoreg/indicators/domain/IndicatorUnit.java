package org.innoreg.indicators.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/** The unit an indicator's values are in; RMB_100M is the statistical yearbooks' 亿元. */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum IndicatorUnit implements Labelled {
    PERCENT,
    COUNT,
    RMB,
    RMB_100M,
    PER_10K_PEOPLE,
    RATIO
}
