package org.innoreg.registry.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.registry.domain.PlatformHistoryEntry;
import org.innoreg.registry.domain.PlatformLevel;
import org.innoreg.registry.domain.PlatformStatus;
import org.innoreg.registry.domain.PlatformType;

/** A dated step in a platform's history and its classification from then on. */
@Schema(name = "PlatformHistoryEntry")
public record PlatformHistoryView(
        @Schema(example = "2019-12-20") LocalDate effectiveOn,
        @Schema(example = "LEVEL_CHANGED") PlatformHistoryEntry.Change change,
        PlatformType type,
        @Schema(example = "NATIONAL") PlatformLevel level,
        PlatformStatus status,
        String regionCode,
        @Schema(example = "Upgraded from provincial to national incubator") String note,
        OffsetDateTime recordedAt) {

    public static PlatformHistoryView of(PlatformHistoryEntry e) {
        return new PlatformHistoryView(
                e.effectiveOn,
                e.change,
                e.type,
                e.level,
                e.status,
                e.regionCode,
                e.note,
                e.recordedAt);
    }
}
