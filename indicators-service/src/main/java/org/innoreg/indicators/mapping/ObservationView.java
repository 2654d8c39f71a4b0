package org.innoreg.indicators.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.indicators.domain.Observation;
import org.innoreg.indicators.domain.ObservationRevision;
import org.innoreg.indicators.domain.ObservationStatus;

/** A cell's value as the API and the events show it (current, or as known at some time). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Observation")
public record ObservationView(
        @Schema(example = "patent_applications") String indicator,
        @Schema(example = "430400") String region,
        @Schema(example = "2017") String period,
        @Schema(example = "36553") BigDecimal value,
        ObservationStatus status,
        String source,
        String note,
        @Schema(description = "When this value was recorded") OffsetDateTime recordedAt,
        @Schema(description = "The cell's version (current values only)") Long version) {

    public static ObservationView of(Observation o) {
        return new ObservationView(
                o.indicatorCode,
                o.regionCode,
                o.period,
                plain(o.value),
                o.status,
                o.source,
                o.note,
                o.updatedAt,
                o.version);
    }

    public static ObservationView of(ObservationRevision r) {
        return new ObservationView(
                r.indicatorCode,
                r.regionCode,
                r.period,
                plain(r.value),
                r.status,
                r.source,
                r.note,
                r.recordedAt,
                null);
    }

    /** 36553.000000 → 36553, 2.30 → 2.3: the value as written, without the column's padding. */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
