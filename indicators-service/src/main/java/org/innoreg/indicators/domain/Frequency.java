package org.innoreg.indicators.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/** How often an indicator is observed. */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum Frequency implements Labelled {
    ANNUAL,
    QUARTERLY,
    MONTHLY
}
