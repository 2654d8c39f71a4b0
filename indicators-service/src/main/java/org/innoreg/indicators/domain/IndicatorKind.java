package org.innoreg.indicators.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/**
 * Where values come from: reported by a bureau, derived from the other services' events, or
 * computed from other indicators.
 */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum IndicatorKind implements Labelled {
    REPORTED,
    DERIVED,
    COMPUTED
}
