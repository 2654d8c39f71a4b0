package org.innoreg.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;
import org.innoreg.chassis.validation.BureauCalendar;

/**
 * One dated step in a platform's life, with its classification from that date on: a provincial
 * incubator upgraded to national is a LEVEL_CHANGED entry effective on the upgrade date.
 */
@Entity
@Table(name = "platform_history")
public class PlatformHistoryEntry {

    @Schema(name = "PlatformChangeKind", description = Labelled.ACCEPTS_LABELS)
    public enum Change implements Labelled {
        ACCREDITED,
        LEVEL_CHANGED,
        STATUS_CHANGED,
        RECLASSIFIED
    }

    @Id
    // the identity column's own sequence, 50 ids per call, so that batched inserts need no round
    // trip per row
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "platform_history_id")
    @SequenceGenerator(
            name = "platform_history_id",
            sequenceName = "platform_history_id_seq",
            allocationSize = 50)
    public Long id;

    @Column(name = "platform_id")
    public UUID platformId;

    @Column(name = "effective_on")
    public LocalDate effectiveOn;

    @Enumerated(EnumType.STRING)
    public Change change;

    @Enumerated(EnumType.STRING)
    public PlatformType type;

    @Enumerated(EnumType.STRING)
    public PlatformLevel level;

    @Enumerated(EnumType.STRING)
    public PlatformStatus status;

    @Column(name = "region_code")
    public String regionCode;

    public String note;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    /** Before the insert (also by a bulk insert that bypasses Hibernate). */
    @PrePersist
    public void onCreate() {
        recordedAt = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
    }

    /** The first step of a platform's history: accredited, on its accreditation date or today. */
    public static PlatformHistoryEntry accreditation(Platform platform) {
        LocalDate since =
                platform.accreditedOn != null ? platform.accreditedOn : BureauCalendar.today();
        return of(platform, Change.ACCREDITED, since, null);
    }

    public static PlatformHistoryEntry of(
            Platform platform, Change change, LocalDate effectiveOn, String note) {
        PlatformHistoryEntry entry = new PlatformHistoryEntry();
        entry.platformId = platform.id;
        entry.effectiveOn = effectiveOn;
        entry.change = change;
        entry.type = platform.type;
        entry.level = platform.level;
        entry.status = platform.status;
        entry.regionCode = platform.regionCode;
        entry.note = note;
        return entry;
    }
}
