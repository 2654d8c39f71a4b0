package org.innoreg.registry.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
        String website,
        PlatformDetail detail,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
