package org.innoreg.gateway.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.innoreg.chassis.validation.RegionCodes;

@ApplicationScoped
public class SearchRepository {

    private final EntityManager entityManager;

    SearchRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Empties the read model, before a rebuild. */
    public void clear() {
        entityManager.createNativeQuery("TRUNCATE search_entry").executeUpdate();
    }

    /** The best hits, and how many records match in all (the hits are the first of those). */
    public record Hits(List<SearchHit> best, long matching) {}

    /** Records any of whose names contains the text, best match first. */
    @SuppressWarnings("unchecked")
    public Hits search(String text, Set<String> kinds, String region, int limit) {
        String q = text.strip().toLowerCase(Locale.ROOT);
        StringBuilder sql =
                new StringBuilder(
                        """
                SELECT kind, id, name_zh, name_en, region_code, link, similarity(search_text, :q) AS score,
                       count(*) OVER () AS matching
                  FROM search_entry
                 WHERE NOT deleted AND search_text LIKE :like ESCAPE '\\'""");
        if (!kinds.isEmpty()) {
            sql.append(" AND kind IN (:kinds)");
        }
        if (region != null) {
            sql.append(" AND region_code LIKE :region");
        }
        sql.append(" ORDER BY score DESC, name_zh, id LIMIT :limit");
        Query query =
                entityManager
                        .createNativeQuery(sql.toString())
                        .setParameter("q", q)
                        .setParameter(
                                "like",
                                "%"
                                        + q.replace("\\", "\\\\")
                                                .replace("%", "\\%")
                                                .replace("_", "\\_")
                                        + "%")
                        .setParameter("limit", limit);
        if (!kinds.isEmpty()) {
            query.setParameter("kinds", kinds);
        }
        if (region != null) {
            query.setParameter("region", RegionCodes.descendantPrefix(region) + "%");
        }
        List<SearchHit> hits = new ArrayList<>();
        long matching = 0;
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            matching = ((Number) row[7]).longValue();
            hits.add(
                    new SearchHit(
                            (String) row[0],
                            (String) row[1],
                            (String) row[2],
                            (String) row[3],
                            (String) row[4],
                            (String) row[5],
                            Math.round(((Number) row[6]).doubleValue() * 1000) / 1000.0));
        }
        return new Hits(hits, matching);
    }
}
