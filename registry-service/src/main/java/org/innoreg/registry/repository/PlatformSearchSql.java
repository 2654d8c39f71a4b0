package org.innoreg.registry.repository;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A platform search's SQL as {@link PlatformSearch} builds it: the conditions and their named
 * parameters, the keyset position and the order, turned into PostgreSQL's numbered parameters.
 */
final class PlatformSearchSql {

    /** The table pages a relevance search reads first (about 17,000 platforms of 1,000,000). */
    static final int PROBE_PAGES = 1500;

    private static final Pattern NAMED = Pattern.compile(":([A-Za-z]\\w*)");
    private final List<String> conditions = new ArrayList<>();
    final Map<String, Object> params = new LinkedHashMap<>();
    String keyset; // the page's position, null on the first page
    String orderBy = "";

    PlatformSearchSql and(String condition) {
        conditions.add(condition);
        return this;
    }

    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

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
    String from() {
        if (params.containsKey("candidates")) {
            List<String> fromIndex = new ArrayList<>(conditions);
            fromIndex.add("(SELECT count(*) FROM probe) < :candidates");
            return "(WITH probe AS MATERIALIZED (SELECT p.* FROM (SELECT * FROM platform p"
                    + " WHERE p.ctid < CAST('("
                    + PROBE_PAGES
                    + ",0)' AS tid) OFFSET 0) p" // OFFSET 0: the page range first, then the terms
                    + where()
                    + " LIMIT :candidates)"
                    + " SELECT * FROM probe WHERE (SELECT count(*) FROM probe) = :candidates"
                    + " UNION ALL (SELECT p.* FROM platform p WHERE "
                    + String.join(" AND ", fromIndex)
                    + " LIMIT :candidates)) p"
                    + (keyset == null ? "" : " WHERE " + keyset);
        }
        List<String> all = new ArrayList<>(conditions);
        if (keyset != null) {
            all.add(keyset);
        }
        return "platform p" + (all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all));
    }

    Query bind(Query query) {
        params.forEach(query::setParameter);
        return query;
    }

    /**
     * The text with PostgreSQL's numbered parameters ($1, $2...); their values are added to {@code
     * values} in order.
     */
    String positional(String text, List<Object> values) {
        Matcher named = NAMED.matcher(text);
        StringBuilder numbered = new StringBuilder();
        while (named.find()) {
            Object value = params.get(named.group(1));
            List<String> markers = new ArrayList<>();
            for (Object one :
                    value instanceof Collection<?> many
                            ? many
                            : List.of(value)) { // IN (:types) → IN ($1, $2)
                values.add(one);
                markers.add("\\$" + values.size());
            }
            named.appendReplacement(numbered, String.join(", ", markers));
        }
        return named.appendTail(numbered).toString();
    }
}
