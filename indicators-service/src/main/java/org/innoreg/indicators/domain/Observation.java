package org.innoreg.indicators.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;
import org.innoreg.chassis.persistence.VersionedEntity;

/**
 * The current value of one cell: an indicator in a region for a period (2018, 2018-Q3, 2018-07).
 */
@Entity
@IdClass(Observation.Cell.class)
public class Observation extends VersionedEntity {

    @Id
    @Column(name = "indicator_code")
    public String indicatorCode;

    @Id
    @Column(name = "region_code")
    public String regionCode;

    @Id public String period;

    public BigDecimal value;

    @Enumerated(EnumType.STRING)
    public ObservationStatus status;

    public String source;

    public String note;

    /** Its identity as an aggregate: also its events' subject. */
    public String cellId() {
        return indicatorCode + "/" + regionCode + "/" + period;
    }

    public static class Cell implements Serializable {
        public String indicatorCode;
        public String regionCode;
        public String period;

        public Cell() {}

        public Cell(String indicatorCode, String regionCode, String period) {
            this.indicatorCode = indicatorCode;
            this.regionCode = regionCode;
            this.period = period;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Cell c
                    && Objects.equals(indicatorCode, c.indicatorCode)
                    && Objects.equals(regionCode, c.regionCode)
                    && Objects.equals(period, c.period);
        }

        @Override
        public int hashCode() {
            return Objects.hash(indicatorCode, regionCode, period);
        }
    }
}
