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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.innoreg.chassis.persistence.VersionedEntity;

/** An enterprise, university, institute or hospital that hosts platforms or invests in projects. */
@Entity
public class Organization extends VersionedEntity {

    @Id public UUID id;

    /** Unified social credit code (GB 32100-2015). */
    public String uscc;

    @Column(name = "name_zh")
    public String nameZh;

    @Column(name = "name_en")
    public String nameEn;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> aliases = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    public OrganizationKind kind;

    @Column(name = "region_code")
    public String regionCode;

    @ElementCollection
    @CollectionTable(
            name = "organization_certification",
            joinColumns = @JoinColumn(name = "organization_id"))
    public List<Certification> certifications = new ArrayList<>();

    @Column(name = "search_text")
    String searchText;

    @PrePersist
    @PreUpdate
    void indexNames() {
        searchText = searchText(nameZh, nameEn, aliases);
    }

    /**
     * Every name a record is known by, lower-cased: what name search and matching compare against.
     */
    public static String searchText(String nameZh, String nameEn, List<String> aliases) {
        return Stream.concat(Stream.of(nameZh, nameEn), aliases.stream())
                .filter(name -> name != null && !name.isBlank())
                .map(name -> name.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(" | "));
    }
}
