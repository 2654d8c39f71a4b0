package org.innoreg.indicators.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.innoreg.chassis.persistence.VersionedEntity;

/** The definition of a statistical indicator. */
@Entity
public class Indicator extends VersionedEntity {

    @Id public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Enumerated(EnumType.STRING)
    public IndicatorUnit unit;

    @Enumerated(EnumType.STRING)
    public Frequency frequency;

    @Enumerated(EnumType.STRING)
    public IndicatorKind kind;

    public String source;

    public String description;

    /** COMPUTED only: the indicators whose values are summed (one for a plain ratio). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> numerator;

    /** COMPUTED only, optional: the indicator the sum is divided by. */
    public String denominator;

    /** COMPUTED only: 100 for a percentage, 10,000 for "per 10,000 people", 1 otherwise. */
    public BigDecimal scale;
}
