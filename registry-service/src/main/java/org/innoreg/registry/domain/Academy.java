package org.innoreg.registry.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/** The academy an academician belongs to: Chinese Academy of Sciences or of Engineering. */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum Academy implements Labelled {
    CAS,
    CAE
}
