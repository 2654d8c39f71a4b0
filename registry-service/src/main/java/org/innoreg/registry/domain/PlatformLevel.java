package org.innoreg.registry.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/** Who accredited the platform. */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum PlatformLevel implements Labelled {
    NATIONAL,
    PROVINCIAL,
    MUNICIPAL
}
