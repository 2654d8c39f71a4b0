package org.innoreg.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import org.innoreg.chassis.persistence.VersionedEntity;

/** An administrative division (GB/T 2260 code) or a special area under a city. */
@Entity
public class Region extends VersionedEntity {

    @Id public String code;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @Enumerated(EnumType.STRING)
    public RegionLevel level;

    @Column(name = "parent_code")
    public String parentCode;
}
