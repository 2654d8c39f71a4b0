package org.innoreg.indicators.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One value a cell had from {@code recordedAt} until the next revision. */
@Entity
@Table(name = "observation_revision")
public class ObservationRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "indicator_code")
    public String indicatorCode;

    @Column(name = "region_code")
    public String regionCode;

    public String period;

    public BigDecimal value;

    @Enumerated(EnumType.STRING)
    public ObservationStatus status;

    public String source;

    public String note;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    public static ObservationRevision of(Observation o) {
        ObservationRevision revision = new ObservationRevision();
        revision.indicatorCode = o.indicatorCode;
        revision.regionCode = o.regionCode;
        revision.period = o.period;
        revision.value = o.value;
        revision.status = o.status;
        revision.source = o.source;
        revision.note = o.note;
        revision.recordedAt = o.updatedAt;
        return revision;
    }
}
