package org.innoreg.registry.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/**
 * The kinds of innovation carrier a bureau accredits, with the names used in Chinese spreadsheets.
 */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum PlatformType implements Labelled {
    TECH_BUSINESS_INCUBATOR,
    MAKER_SPACE,
    KEY_LABORATORY,
    ENGINEERING_RESEARCH_CENTER,
    ENTERPRISE_TECHNOLOGY_CENTER,
    ACADEMICIAN_WORKSTATION,
    POSTDOCTORAL_STATION,
    INNOVATION_ALLIANCE,
    TECHNOLOGY_TRANSFER_CENTER,
    HIGH_TECH_ZONE,
    AGRICULTURAL_SCI_TECH_PARK
}
