package org.innoreg.registry.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.innoreg.chassis.search.JdbcSearch;
import org.innoreg.chassis.search.KeysetQuery;
import org.innoreg.chassis.search.SortKey;
import org.innoreg.chassis.validation.BureauCalendar;
import org.innoreg.chassis.validation.RegionCodes;
import org.innoreg.registry.domain.CertificationKind;
import org.innoreg.registry.domain.Organization;
import org.innoreg.registry.domain.OrganizationKind;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    /** An organisation list's one order. */
    private static final SortKey BY_NAME = SortKey.of("name", "o.name_zh", "text", false);

    /** A match candidate and the similarity of its best-matching name. */
    public record Candidate(UUID id, double score) {}

    public Optional<Organization> findByUscc(String uscc) {
        return find("uscc", uscc).firstResultOptional();
    }

    /**
     * The organisations with these USCCs, by USCC, in one query (an import's lookup of a chunk of
     * rows).
     */
    public Map<String, Organization> findByUsccs(Collection<String> usccs) {
        return usccs.isEmpty()
                ? Map.of()
                : list("uscc in ?1", usccs).stream()
                        .collect(Collectors.toMap(o -> o.uscc, Function.identity()));
    }

    public Optional<Organization> findByExactName(String name) {
        return find("nameZh = ?1 or nameEn = ?1", name.strip()).firstResultOptional();
    }

    public boolean hostsPlatforms(UUID id) {
        return ((Number)
                                getEntityManager()
                                        .createNativeQuery(
                                                "SELECT count(*) FROM platform_host WHERE organization_id = ?1")
                                        .setParameter(1, id)
                                        .getSingleResult())
                        .longValue()
                > 0;
    }

    /**
     * One page of organisations in name order, after (name, id) of the previous page's last item.
     * Region includes descendants; a certification kind with a date keeps those holding it that
     * day; {@code changedSince} keeps those last changed at or after it.
     */
    @SuppressWarnings("unchecked")
    public List<Organization> list(
            String q,
            OrganizationKind kind,
            String region,
            CertificationKind certification,
            LocalDate validOn,
            OffsetDateTime changedSince,
            String afterName,
            UUID afterId,
            int limit) {
        KeysetQuery query = new KeysetQuery("organization o", "o.id");
        if (q != null) {
            query.and(
                    "o.search_text LIKE :q",
                    "q",
                    "%"
                            + PlatformSearch.normalised(q)
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_")
                            + "%");
        }
        if (kind != null) {
            query.and("o.kind = :kind", "kind", kind.name());
        }
        if (region != null) {
            query.and(
                    "o.region_code LIKE :region",
                    "region",
                    RegionCodes.descendantPrefix(region) + "%");
        }
        if (certification != null) {
            query.and(
                            "o.id IN (SELECT c.organization_id FROM organization_certification c"
                                    + " WHERE c.kind = :certification AND c.valid_from <= :validOn"
                                    + " AND c.valid_to >= :validOn)")
                    .bind("certification", certification.name())
                    .bind("validOn", validOn == null ? BureauCalendar.today() : validOn);
        }
        if (changedSince != null) {
            query.and("o.updated_at >= :changedSince", "changedSince", changedSince);
        }
        query.page(
                BY_NAME, afterName == null ? null : List.of(afterName, afterId.toString()), limit);
        return JdbcSearch.query(getEntityManager(), query, query.rows("o.*"), Organization.class)
                .getResultList();
    }

    /**
     * Candidates for a free-text name: organisations one of whose names contains something like it
     * (trigram word similarity), scored by the best similarity of any of their names.
     */
    @SuppressWarnings("unchecked")
    public List<Candidate> candidates(String name, int limit) {
        // Looser than the default 0.6: a spreadsheet often has a short form of the registered name.
        getEntityManager()
                .createNativeQuery(
                        "SELECT set_config('pg_trgm.word_similarity_threshold', '0.3', true)")
                .getSingleResult();
        List<Object[]> rows =
                getEntityManager()
                        .createNativeQuery(
                                """
                SELECT o.id, (SELECT max(greatest(similarity(:name, lower(n)), word_similarity(:name, lower(n))))
                                FROM unnest(array_append(array_append(o.aliases, o.name_zh), o.name_en)) AS n
                               WHERE n IS NOT NULL) AS score
                  FROM organization o
                 WHERE :name <% o.search_text
                 ORDER BY score DESC, o.name_zh
                 LIMIT :limit
                """)
                        .setParameter("name", PlatformSearch.normalised(name))
                        .setParameter("limit", limit)
                        .getResultList();
        return rows.stream()
                .map(r -> new Candidate((UUID) r[0], ((Number) r[1]).doubleValue()))
                .toList();
    }
}
