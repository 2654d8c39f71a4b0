package org.innoreg.indicators.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/** Where a target stands on a day. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Progress")
public record Progress(
        TargetView target,
        @Schema(example = "2019-12-31") LocalDate asOf,
        @Schema(description = "ACHIEVED, ON_TRACK, AT_RISK, OFF_TRACK or NO_DATA") Status status,
        @Schema(description = "The latest value counted (for CUMULATIVE, the total so far)")
                BigDecimal value,
        @Schema(description = "The period of the latest observation counted", example = "2018")
                String period,
        @Schema(
                        description =
                                "Share of the way from baseline (or zero) to target, 0 to 1 and beyond",
                        example = "0.72")
                BigDecimal share,
        @Schema(
                        description =
                                "What a straight line (or the required growth rate) says should have been reached by then")
                BigDecimal expected,
        @Schema(description = "Why the status is what it is") String reason) {

    @Schema(name = "ProgressStatus", description = Labelled.ACCEPTS_LABELS)
    public enum Status implements Labelled {
        ACHIEVED,
        ON_TRACK,
        AT_RISK,
        OFF_TRACK,
        NO_DATA
    }
}
