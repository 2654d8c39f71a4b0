package org.innoreg.indicators.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/**
 * A provisional figure may still be revised; a final one is the published value (it too can be
 * revised).
 */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum ObservationStatus implements Labelled {
    PROVISIONAL,
    FINAL
}
