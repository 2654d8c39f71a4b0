package org.innoreg.registry.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.registry.domain.RegionLevel;

/** A region as the API and its events show it. {@code children} only on a single-region read. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Region")
public record RegionView(
        @Schema(example = "430703") String code,
        @Schema(example = "鼎城区") String nameZh,
        @Schema(example = "Dingcheng District") String nameEn,
        @Schema(example = "DISTRICT") RegionLevel level,
        @Schema(example = "430700") String parentCode,
        @Schema(example = "1") long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        List<RegionView> children) {}
