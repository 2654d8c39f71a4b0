package org.innoreg.registry.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.List;
import org.innoreg.chassis.validation.RegionCodes;

/** Platform counts as they stood on a date, from the dated history ({@code /platforms/stats}). */
@ApplicationScoped
public class PlatformStatsQuery {

    private final EntityManager entityManager;

    PlatformStatsQuery(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Counts of platforms as they stood on a date, from their history: each platform's latest entry
     * on or before {@code asOf}, grouped by the chosen columns.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> countAsOf(
            LocalDate asOf, List<String> groupColumns, List<String> statuses, String region) {
        String groups = groupColumns.isEmpty() ? "" : String.join(", ", groupColumns) + ", ";
        String regionFilter = region == null ? "" : " AND region_code LIKE :region";
        String text =
                """
                WITH state AS (
                    SELECT DISTINCT ON (h.platform_id) h.type, h.level, h.status, h.region_code
                      FROM platform_history h
                     WHERE h.effective_on <= :asOf
                     ORDER BY h.platform_id, h.effective_on DESC, h.recorded_at DESC, h.id DESC)
                SELECT %scount(*) FROM state WHERE status IN (:statuses)%s
                """
                                .formatted(groups, regionFilter)
                        + (groupColumns.isEmpty()
                                ? ""
                                : " GROUP BY "
                                        + String.join(", ", groupColumns)
                                        + " ORDER BY "
                                        + String.join(", ", groupColumns));
        Query query =
                entityManager
                        .createNativeQuery(text)
                        .setParameter("asOf", asOf)
                        .setParameter("statuses", statuses);
        if (region != null) {
            query.setParameter("region", RegionCodes.descendantPrefix(region) + "%");
        }
        return query.getResultList();
    }
}
