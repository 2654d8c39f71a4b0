package org.innoreg.projects.domain;

import java.util.List;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/**
 * How often a project's responsible official must review it (Changde's schedule: the secretary and the
 * mayor quarterly, the executive deputy mayor monthly, deputy mayors every ten days).
 */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum ReviewCadence implements Labelled {
    QUARTERLY("按季度", "季度", "每季度"),
    MONTHLY("按月", "月度", "每月"),
    TEN_DAYS("按旬", "每旬", "旬", "十天");

    private final String chinese;
    private final List<String> aliases;

    ReviewCadence(String chinese, String... aliases) {
        this.chinese = chinese;
        this.aliases = List.of(aliases);
    }

    @Override
    public String chinese() {
        return chinese;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }

    /** The day by which the next review is due after one on {@code last}. */
    public LocalDate nextDue(LocalDate last) {
        return switch (this) {
            case QUARTERLY -> last.plusMonths(3);
            case MONTHLY -> last.plusMonths(1);
            case TEN_DAYS -> last.plusDays(10);
        };
    }
}
