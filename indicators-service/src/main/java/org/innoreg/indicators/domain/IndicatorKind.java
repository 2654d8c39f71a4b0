package org.innoreg.indicators.domain;

/**
 * Where values come from: reported by a bureau, derived from the other services' events, or computed
 * from other indicators.
 */
public enum IndicatorKind {
    REPORTED,
    DERIVED,
    COMPUTED
}
