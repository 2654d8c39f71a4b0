package org.innoreg.registry.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.EntityResult;
import jakarta.persistence.SqlResultSetMapping;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An accredited innovation platform (innovation carrier). */
@Entity
@SqlResultSetMapping(name = "PlatformWithSortKey", entities = @EntityResult(entityClass = Platform.class),
        columns = @ColumnResult(name = "sort_key", type = String.class))
public class Platform {

    @Id
    public UUID id;

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

    @ElementCollection
    @CollectionTable(name = "platform_host", joinColumns = @JoinColumn(name = "platform_id"))
    @Column(name = "organization_id")
    public Set<UUID> hostIds = new LinkedHashSet<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public PlatformDetail detail;

    @Column(name = "search_text")
    String searchText;

    /** Starts at 1 and grows with every change: the ETag and the event sequence. */
    @Version
    public long version = 1;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @PrePersist
    void onCreate() {
        createdAt = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        updatedAt = createdAt;
        searchText = Organization.searchText(nameZh, nameEn, aliases);
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS); // what PostgreSQL keeps
        searchText = Organization.searchText(nameZh, nameEn, aliases);
    }
}
