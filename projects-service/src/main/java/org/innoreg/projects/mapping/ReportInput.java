package org.innoreg.projects.mapping;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A month's cumulative investment completed. */
@Schema(name = "InvestmentReportInput")
public record ReportInput(
        @NotNull
                @Pattern(regexp = "[12][0-9]{3}-(0[1-9]|1[0-2])", message = "{innoreg.month}")
                @Schema(example = "2018-07", required = true)
                String month,
        @NotNull
                @PositiveOrZero
                @Digits(integer = 16, fraction = 2)
                @DecimalMax("9999999999999999.99")
                @Schema(
                        description = "Investment completed since the start, RMB",
                        example = "320000000",
                        required = true)
                BigDecimal cumulative,
        @Size(max = 1000) String note) {}
