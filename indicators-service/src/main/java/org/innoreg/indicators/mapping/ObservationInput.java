package org.innoreg.indicators.mapping;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.indicators.domain.ObservationStatus;

/** A value for one cell. */
@Schema(name = "ObservationInput")
public record ObservationInput(
        @NotNull
                @Digits(integer = 18, fraction = 6)
                @DecimalMin("-999999999999999999")
                @DecimalMax("999999999999999999")
                @Schema(
                        description = "Exact decimal, in the indicator's unit",
                        example = "36553",
                        required = true)
                BigDecimal value,
        @Schema(description = "Defaults to PROVISIONAL", example = "FINAL")
                ObservationStatus status,
        @Size(max = 300) @Schema(example = "Hengyang 40 years of reform and opening-up (seed 004)")
                String source,
        @Size(max = 2000) @Schema(example = "Cumulative applications by the end of 2017")
                String note) {}
