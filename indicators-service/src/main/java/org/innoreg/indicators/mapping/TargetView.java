package org.innoreg.indicators.mapping;

import java.math.BigDecimal;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;
import org.innoreg.indicators.domain.Target;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Target")
public record TargetView(UUID id, String indicator, String region, Target.Kind kind, Target.Comparison comparison,
        BigDecimal targetValue, String targetPeriod, String baselinePeriod, BigDecimal baselineValue, String spanFrom,
        String plan, String description, long version) {

    @JsonProperty(value = "kindLabel", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = Labelled.LABEL_FIELD, example = "水平目标", readOnly = true)
    public String kindLabel() {
        return Labelled.labelOf(kind);
    }

    @JsonProperty(value = "comparisonLabel", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = Labelled.LABEL_FIELD, example = "不低于", readOnly = true)
    public String comparisonLabel() {
        return Labelled.labelOf(comparison);
    }

    public static TargetView of(Target t) {
        return new TargetView(t.id, t.indicatorCode, t.regionCode, t.kind, t.comparison, ObservationView.plain(t.targetValue),
                t.targetPeriod, t.baselinePeriod, t.baselineValue == null ? null : ObservationView.plain(t.baselineValue),
                t.spanFrom, t.plan, t.description, t.version);
    }
}
