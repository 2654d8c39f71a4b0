package org.innoreg.indicators.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.innoreg.chassis.persistence.VersionedEntity;

/** The definition of a statistical indicator. */
@Entity
public class Indicator extends VersionedEntity {

    @Id
    public String code;

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
}
