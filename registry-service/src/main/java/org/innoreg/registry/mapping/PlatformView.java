package org.innoreg.registry.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;
import org.innoreg.registry.domain.PlatformDetail;
import org.innoreg.registry.domain.PlatformLevel;
import org.innoreg.registry.domain.PlatformStatus;
import org.innoreg.registry.domain.PlatformType;

/** A platform as the API and its events show it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Platform")
public record PlatformView(
        UUID id,
        @Schema(example = "云锦集团院士工作站") String nameZh,
        @Schema(example = "Yunjin Textile Group Academician Workstation") String nameEn,
        List<String> aliases,
        PlatformType type,
        PlatformLevel level,
        PlatformStatus status,
        @Schema(example = "430702") String regionCode,
        List<String> fields,
        List<UUID> hostIds,
        LocalDate accreditedOn,
        String accreditationNo,
        PlatformDetail detail,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

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
}
