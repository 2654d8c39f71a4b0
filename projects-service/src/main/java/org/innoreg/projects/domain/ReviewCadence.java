package org.innoreg.projects.domain;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/**
 * How often a project's responsible official must review it (Changde's schedule: the secretary and
 * the mayor quarterly, the executive deputy mayor monthly, deputy mayors every ten days).
 */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum ReviewCadence implements Labelled {
    QUARTERLY,
    MONTHLY,
    TEN_DAYS;

    /** The day by which the next review is due after one on {@code last}. */
    public LocalDate nextDue(LocalDate last) {
        return switch (this) {
            case QUARTERLY -> last.plusMonths(3);
            case MONTHLY -> last.plusMonths(1);
            case TEN_DAYS -> last.plusDays(10);
        };
    }
}
