package org.innoreg.indicators.mapping;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.regions.RegionReadModel;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.indicators.domain.Target;

@Schema(name = "TargetInput")
public record TargetInput(
        @NotNull @Size(max = 63) @Schema(example = "patent_applications", required = true)
                String indicator,
        @NotNull
                @RegionCode
                @Schema(
                        description =
                                "A region of the registry (422 when none)."
                                        + RegionReadModel.CATCH_UP,
                        example = "430700",
                        required = true)
                String region,
        @NotNull @Schema(example = "CUMULATIVE", required = true) Target.Kind kind,
        @Schema(description = "Defaults to AT_LEAST", example = "AT_LEAST")
                Target.Comparison comparison,
        @NotNull
                @Digits(integer = 18, fraction = 6)
                @Schema(
                        description = "For ANNUAL_GROWTH, the rate in percent",
                        example = "12000",
                        required = true)
                BigDecimal targetValue,
        @NotNull
                @Pattern(regexp = "[12][0-9]{3}", message = "{innoreg.year}")
                @Schema(example = "2020", required = true)
                String targetPeriod,
        @Pattern(regexp = "[12][0-9]{3}", message = "{innoreg.year}") @Schema(example = "2015")
                String baselinePeriod,
        @Digits(integer = 18, fraction = 6) @Schema(example = "1500") BigDecimal baselineValue,
        @Pattern(regexp = "[12][0-9]{3}", message = "{innoreg.year}")
                @Schema(description = "CUMULATIVE only: the span's first year", example = "2016")
                String spanFrom,
        @NotBlank
                @Size(max = 300)
                @Schema(example = "Changde 13th Five-Year Plan: Smart Changde", required = true)
                String plan,
        @Size(max = 2000) String description) {}
