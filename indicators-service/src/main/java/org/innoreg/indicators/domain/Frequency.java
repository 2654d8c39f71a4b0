package org.innoreg.indicators.domain;

/** How often an indicator is observed. */
public enum Frequency {
    ANNUAL,
    QUARTERLY,
    MONTHLY
}
