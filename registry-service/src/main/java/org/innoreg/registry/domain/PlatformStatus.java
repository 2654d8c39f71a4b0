package org.innoreg.registry.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

@Schema(description = Labelled.ACCEPTS_LABELS)
public enum PlatformStatus implements Labelled {
    ACTIVE,
    UNDER_REVIEW,
    REVOKED,
    MERGED
}
