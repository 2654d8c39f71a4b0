package org.innoreg.indicators.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.indicators.domain.Target;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Target")
public record TargetView(
        UUID id,
        String indicator,
        String region,
        Target.Kind kind,
        Target.Comparison comparison,
        BigDecimal targetValue,
        String targetPeriod,
        String baselinePeriod,
        BigDecimal baselineValue,
        String spanFrom,
        String plan,
        String description,
        long version) {

    public static TargetView of(Target t) {
        return new TargetView(
                t.id,
                t.indicatorCode,
                t.regionCode,
                t.kind,
                t.comparison,
                ObservationView.plain(t.targetValue),
                t.targetPeriod,
                t.baselinePeriod,
                t.baselineValue == null ? null : ObservationView.plain(t.baselineValue),
                t.spanFrom,
                t.plan,
                t.description,
                t.version);
    }
}
