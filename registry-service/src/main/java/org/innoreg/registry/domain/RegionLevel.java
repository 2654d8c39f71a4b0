package org.innoreg.registry.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/** Where a region sits in the GB/T 2260 hierarchy; special areas hang under a city. */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum RegionLevel implements Labelled {
    PROVINCE,
    CITY,
    DISTRICT,
    SPECIAL_AREA
}
