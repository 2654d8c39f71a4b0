package org.innoreg.indicators.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.indicators.domain.Frequency;
import org.innoreg.indicators.domain.IndicatorUnit;

/** A new reported indicator. Derived and computed indicators are defined by the service itself. */
@Schema(name = "IndicatorInput")
public record IndicatorInput(
        @NotNull
                @Pattern(regexp = "[a-z][a-z0-9_]{1,62}", message = "{innoreg.snake-case}")
                @Schema(example = "rd_personnel", required = true)
                String code,
        @NotBlank @Size(max = 200) @Schema(example = "研发人员数", required = true) String nameZh,
        @NotBlank @Size(max = 200) @Schema(example = "R&D personnel", required = true)
                String nameEn,
        @NotNull @Schema(example = "COUNT", required = true) IndicatorUnit unit,
        @NotNull @Schema(example = "ANNUAL", required = true) Frequency frequency,
        @Size(max = 200) @Schema(example = "Statistics bureau") String source,
        @Size(max = 2000) String description) {}
