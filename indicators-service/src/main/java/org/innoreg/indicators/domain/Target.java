package org.innoreg.indicators.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;
import org.innoreg.chassis.persistence.VersionedEntity;

/**
 * A plan's commitment for an indicator in a region: a level to reach by a year ("R&D spending ≥ 2.3
 * % of GDP by 2020"), a total over a span of years ("12,000 patent applications in 2016–2020"), or
 * an average annual growth ("high-tech output +15 % a year", the target value being the rate in
 * percent).
 */
@Entity
public class Target extends VersionedEntity {

    @Schema(name = "TargetKind", description = Labelled.ACCEPTS_LABELS)
    public enum Kind implements Labelled {
        LEVEL,
        CUMULATIVE,
        ANNUAL_GROWTH
    }

    @Schema(name = "TargetComparison", description = Labelled.ACCEPTS_LABELS)
    public enum Comparison implements Labelled {
        AT_LEAST,
        AT_MOST
    }

    @Id public UUID id;

    @Column(name = "indicator_code")
    public String indicatorCode;

    @Column(name = "region_code")
    public String regionCode;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Enumerated(EnumType.STRING)
    public Comparison comparison;

    @Column(name = "target_value")
    public BigDecimal targetValue;

    /** The year by which the target is to be met (the span's last year for a cumulative target). */
    @Column(name = "target_period")
    public String targetPeriod;

    @Column(name = "baseline_period")
    public String baselinePeriod;

    @Column(name = "baseline_value")
    public BigDecimal baselineValue;

    /** A cumulative target's first year. */
    @Column(name = "span_from")
    public String spanFrom;

    /** The plan it comes from, e.g. "Changde 13th Five-Year Plan: Smart Changde". */
    public String plan;

    public String description;
}
