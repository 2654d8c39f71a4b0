package org.innoreg.indicators.domain;

/** The unit an indicator's values are in; RMB_100M is the statistical yearbooks' 亿元. */
public enum IndicatorUnit {
    PERCENT,
    COUNT,
    RMB,
    RMB_100M,
    PER_10K_PEOPLE,
    RATIO
}
