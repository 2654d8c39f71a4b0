package org.innoreg.registry.repository;

import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.search.SortKey;
import org.innoreg.chassis.search.SortKey.Order;

/**
 * The orders a platform list can take. Each sorts by one key then the id, so a page boundary is
 * exact and keyset paging ({@code (key, id) > (last key, last id)}) uses an index.
 */
public enum PlatformSort implements SortKey {
    NAME("name", "p.name_zh", "text", false),
    ACCREDITED_ON("accreditedOn", "COALESCE(p.accredited_on, DATE '0001-01-01')", "date", false),
    ACCREDITED_ON_DESC(
            "-accreditedOn", "COALESCE(p.accredited_on, DATE '0001-01-01')", "date", true),
    UPDATED_AT("updatedAt", "p.updated_at", "timestamptz", false),
    UPDATED_AT_DESC("-updatedAt", "p.updated_at", "timestamptz", true),
    /**
     * Best match first; only with q. Every candidate holds all terms of the query, so what ranks
     * them is what BM25 would weigh among such equals: names holding the query as typed first, then
     * shorter names (fewer other words). Integer scores, so cursors are exact.
     */
    RELEVANCE(
            "relevance",
            "CAST(CASE WHEN strpos(p.search_text, :qText) > 0 THEN 100000 ELSE 0 END"
                    + " - length(p.search_text) AS bigint)",
            "bigint",
            true);

    private final Order order;

    PlatformSort(String param, String key, String sqlType, boolean descending) {
        this.order = new Order(param, key, sqlType, descending);
    }

    @Override
    public Order order() {
        return order;
    }

    public static PlatformSort fromParam(String value, boolean hasQuery) {
        if (value == null || value.isBlank()) {
            return hasQuery ? RELEVANCE : NAME;
        }
        PlatformSort sort = SortKey.named(values(), value);
        if (sort == RELEVANCE && !hasQuery) {
            throw ProblemException.invalid("sort", Messages.text("platform.sort-relevance"));
        }
        return sort;
    }
}
