package org.innoreg.registry.repository;

import java.util.ArrayList;
import java.util.List;
import org.innoreg.chassis.search.KeysetQuery;

/**
 * Where a platform search page takes its rows from: the {@link KeysetQuery}'s own source, except
 * for a relevance-ranked search, which reads a probe of the table first (docs/decisions/0006).
 */
final class PlatformSearchSql {

    /** The table pages a relevance search reads first (about 17,000 platforms of 1,000,000). */
    static final int PROBE_PAGES = 1500;

    private PlatformSearchSql() {}

    /**
     * The rows a page is taken from. Ranked by relevance, they are the first {@link
     * PlatformSearch#RELEVANCE_CANDIDATES} matches, as a search engine ranks only its best
     * candidates (docs/decisions/0006). A common term (a type: a fifth of all platforms) holds so
     * many that they are found soonest by reading the table's first pages in order (a probe of
     * {@link #PROBE_PAGES} pages, which PostgreSQL cannot misjudge); only when those do not hold
     * enough is the terms index asked, and then the matches are few, which is what the index is
     * quick at. Left to itself, the planner multiplies the frequencies of a query's pieces as if
     * they were independent (重点, 点实, 实验, 验室 never are) and reads 200,000 postings through the
     * index: 180 ms where the probe takes 2 (deploy/bench/REPORT.md, P3). Otherwise all matches,
     * with the index of the sort key in use.
     */
    static String from(KeysetQuery query) {
        if (!query.params().containsKey("candidates")) {
            return query.source();
        }
        List<String> fromIndex = new ArrayList<>(query.conditions());
        fromIndex.add("(SELECT count(*) FROM probe) < :candidates");
        return "(WITH probe AS MATERIALIZED (SELECT p.* FROM (SELECT * FROM platform p"
                + " WHERE p.ctid < CAST('("
                + PROBE_PAGES
                + ",0)' AS tid) OFFSET 0) p" // OFFSET 0: the page range first, then the terms
                + query.where()
                + " LIMIT :candidates)"
                + " SELECT * FROM probe WHERE (SELECT count(*) FROM probe) = :candidates"
                + " UNION ALL (SELECT p.* FROM platform p WHERE "
                + String.join(" AND ", fromIndex)
                + " LIMIT :candidates)) p"
                + (query.keyset() == null ? "" : " WHERE " + query.keyset());
    }
}
