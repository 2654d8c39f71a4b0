package org.innoreg.registry.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.innoreg.chassis.persistence.VersionedEntity;

/** An accredited innovation platform (innovation carrier). */
@Entity
public class Platform extends VersionedEntity {

    @Id public UUID id;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> aliases = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public PlatformType type;

    @Enumerated(EnumType.STRING)
    public PlatformLevel level;

    @Enumerated(EnumType.STRING)
    public PlatformStatus status;

    @Column(name = "region_code")
    public String regionCode;

    /** Technology fields, e.g. "new materials", "biomedicine". */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> fields = new ArrayList<>();

    @Column(name = "accredited_on")
    public LocalDate accreditedOn;

    @Column(name = "accreditation_no")
    public String accreditationNo;

    /** Its own website, an http(s) address. */
    public String website;

    @ElementCollection
    @CollectionTable(name = "platform_host", joinColumns = @JoinColumn(name = "platform_id"))
    @Column(name = "organization_id")
    public Set<UUID> hostIds = new LinkedHashSet<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public PlatformDetail detail;

    @Column(name = "search_text")
    public String searchText;

    /** Before every write (also by a bulk insert that bypasses Hibernate). */
    @PrePersist
    @PreUpdate
    public void indexNames() {
        searchText = Organization.searchText(nameZh, nameEn, aliases);
    }
}
