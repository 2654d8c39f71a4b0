package org.innoreg.registry.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;
import org.innoreg.registry.domain.PlatformHistoryEntry;
import org.innoreg.registry.domain.PlatformLevel;
import org.innoreg.registry.domain.PlatformStatus;
import org.innoreg.registry.domain.PlatformType;

import com.fasterxml.jackson.annotation.JsonProperty;

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

    @JsonProperty(value = "changeLabel", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = Labelled.LABEL_FIELD, example = "级别变更", readOnly = true)
    public String changeLabel() {
        return Labelled.labelOf(change);
    }

    @JsonProperty(value = "typeLabel", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = Labelled.LABEL_FIELD, example = "科技企业孵化器", readOnly = true)
    public String typeLabel() {
        return Labelled.labelOf(type);
    }

    @JsonProperty(value = "levelLabel", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = Labelled.LABEL_FIELD, example = "国家级", readOnly = true)
    public String levelLabel() {
        return Labelled.labelOf(level);
    }

    @JsonProperty(value = "statusLabel", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = Labelled.LABEL_FIELD, example = "有效", readOnly = true)
    public String statusLabel() {
        return Labelled.labelOf(status);
    }

    public static PlatformHistoryView of(PlatformHistoryEntry e) {
        return new PlatformHistoryView(e.effectiveOn, e.change, e.type, e.level, e.status, e.regionCode, e.note, e.recordedAt);
    }
}
