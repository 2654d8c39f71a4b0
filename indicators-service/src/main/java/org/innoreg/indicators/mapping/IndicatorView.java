package org.innoreg.indicators.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.indicators.domain.Frequency;
import org.innoreg.indicators.domain.IndicatorKind;
import org.innoreg.indicators.domain.IndicatorUnit;

/** An indicator definition as the API and its events show it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Indicator")
public record IndicatorView(
        @Schema(example = "patent_applications") String code,
        @Schema(example = "专利申请量") String nameZh,
        @Schema(example = "Patent applications") String nameEn,
        @Schema(example = "COUNT") IndicatorUnit unit,
        @Schema(example = "ANNUAL") Frequency frequency,
        @Schema(example = "REPORTED") IndicatorKind kind,
        @Schema(example = "Intellectual property office") String source,
        String description,
        @Schema(description = "COMPUTED indicators only") Formula formula,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
