package org.innoreg.indicators.domain;

/** A provisional figure may still be revised; a final one is the published value (it too can be revised). */
public enum ObservationStatus {
    PROVISIONAL,
    FINAL
}
