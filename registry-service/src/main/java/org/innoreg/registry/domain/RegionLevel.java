package org.innoreg.registry.domain;

/** Where a region sits in the GB/T 2260 hierarchy; special areas hang under a city. */
public enum RegionLevel {
    PROVINCE,
    CITY,
    DISTRICT,
    SPECIAL_AREA
}
