package org.innoreg.registry.repository;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.innoreg.chassis.search.JdbcSearch;
import org.innoreg.chassis.search.KeysetQuery;
import org.innoreg.chassis.search.ReactiveSearch;
import org.innoreg.chassis.validation.RegionCodes;
import org.innoreg.registry.mapping.PlatformFilter;
import org.innoreg.registry.mapping.PlatformView;

/**
 * Platform lists: a filtered keyset page, its total and facet counts, on the reactive client
 * ({@link PlatformViewQuery}; docs/decisions/0004); and the plan of such a query.
 */
@ApplicationScoped
public class PlatformSearch {

    /** How many matching platforms a relevance-ranked search scores at most. */
    static final int RELEVANCE_CANDIDATES = 200;

    /** A page of platforms with the sort key of each, from which the next cursor is made. */
    public record Slice(List<PlatformView> platforms, List<String> keys) {}

    private final PlatformViewQuery views;
    private final EntityManager entityManager;

    PlatformSearch(PlatformViewQuery views, EntityManager entityManager) {
        this.views = views;
        this.entityManager = entityManager;
    }

    /**
     * One page of matching platforms in the given order, after the given keyset position ({@code
     * after} = [sort key, id] of the previous page's last item, or null for the first page).
     */
    public Uni<Slice> search(
            PlatformFilter filter, Text text, PlatformSort sort, List<String> after, int limit) {
        KeysetQuery query = searchQuery(filter, text, sort, after, limit);
        return ReactiveSearch.run(
                        query,
                        query.page(PlatformViewQuery.COLUMNS, PlatformSearchSql.from(query)),
                        views::page)
                .map(
                        rows ->
                                new Slice(
                                        rows.stream()
                                                .map(PlatformViewQuery.Positioned::view)
                                                .toList(),
                                        rows.stream()
                                                .map(PlatformViewQuery.Positioned::sortKey)
                                                .toList()));
    }

    /**
     * The plan PostgreSQL would use for a search, with sequential scans discouraged: on a small
     * table the planner rightly prefers them, and this shows which index serves each filter on a
     * large one.
     */
    @SuppressWarnings("unchecked")
    public String explain(PlatformFilter filter, PlatformSort sort) {
        entityManager
                .createNativeQuery("SELECT set_config('enable_seqscan', 'off', true)")
                .getSingleResult();
        KeysetQuery query = searchQuery(filter, Text.ALL_TERMS, sort, null, 50);
        List<Object> lines =
                JdbcSearch.query(
                                entityManager,
                                query,
                                "EXPLAIN SELECT p.* FROM "
                                        + PlatformSearchSql.from(query)
                                        + query.orderBy())
                        .getResultList();
        return String.join("\n", lines.stream().map(String::valueOf).toList());
    }

    /** The conditions, order and limit of a search page. */
    static KeysetQuery searchQuery(
            PlatformFilter filter, Text text, PlatformSort sort, List<String> after, int limit) {
        KeysetQuery query = where(filter, text).page(sort, after, limit);
        if (sort == PlatformSort.RELEVANCE) {
            query.bind("qText", normalised(filter.q()))
                    .bind("candidates", (long) RELEVANCE_CANDIDATES);
        }
        return query;
    }

    public Uni<Long> count(PlatformFilter filter, Text text) {
        KeysetQuery query = where(filter, text);
        return ReactiveSearch.run(
                        query,
                        query.count(),
                        (sql, values) -> views.select(sql, values, row -> row.getLong(0)))
                .map(rows -> rows.get(0));
    }

    /** Counts of matching platforms by the value of one column (type, level or region_code). */
    public Uni<Map<String, Long>> facet(PlatformFilter filter, Text text, String column) {
        KeysetQuery query = where(filter, text);
        return ReactiveSearch.run(
                        query,
                        query.facet("p." + column),
                        (sql, values) ->
                                views.select(
                                        sql,
                                        values,
                                        row -> Map.entry(row.getString(0), row.getLong(1))))
                .map(
                        rows -> {
                            Map<String, Long> counts = new LinkedHashMap<>();
                            rows.forEach(row -> counts.put(row.getKey(), row.getValue()));
                            return counts;
                        });
    }

    /**
     * How a search's text is matched: {@link #ALL_TERMS}, or, when no platform the other filters
     * let through holds them all, {@link #ALL_TERMS_BUT_ONE} (V6__platform_search_terms.sql).
     */
    public enum Text {
        ALL_TERMS("search_query"),
        ALL_TERMS_BUT_ONE("search_query_relaxed");

        private final String function;

        Text(String function) {
            this.function = function;
        }
    }

    /** How the filter's text is to be matched: all terms, unless nothing holds them all. */
    public Uni<Text> textMatch(PlatformFilter filter) {
        if (!byTerms(filter)) {
            return Uni.createFrom().item(Text.ALL_TERMS);
        }
        KeysetQuery query = where(filter, Text.ALL_TERMS);
        return ReactiveSearch.run(
                        query,
                        "SELECT EXISTS (SELECT 1 FROM platform p" + query.where() + ")",
                        (sql, values) -> views.select(sql, values, row -> row.getBoolean(0)))
                .map(found -> found.get(0) ? Text.ALL_TERMS : Text.ALL_TERMS_BUT_ONE);
    }

    private static boolean byTerms(PlatformFilter f) {
        return f.q() != null && normalised(f.q()).codePointCount(0, normalised(f.q()).length()) > 1;
    }

    private static KeysetQuery where(PlatformFilter f, Text text) {
        KeysetQuery sql = new KeysetQuery("platform p", "p.id");
        if (!f.types().isEmpty()) {
            sql.and("p.type IN (:types)", "types", f.types().stream().map(Enum::name).toList());
        }
        if (!f.levels().isEmpty()) {
            sql.and("p.level IN (:levels)", "levels", f.levels().stream().map(Enum::name).toList());
        }
        if (!f.statuses().isEmpty()) {
            sql.and(
                    "p.status IN (:statuses)",
                    "statuses",
                    f.statuses().stream().map(Enum::name).toList());
        }
        if (f.region() != null) {
            sql.and(
                    "p.region_code LIKE :region",
                    "region",
                    RegionCodes.descendantPrefix(f.region()) + "%");
        }
        if (f.field() != null) {
            sql.and("p.fields @> ARRAY[CAST(:field AS text)]", "field", f.field().strip());
        }
        if (f.host() != null) {
            sql.and(
                    "EXISTS (SELECT 1 FROM platform_host h WHERE h.platform_id = p.id AND h.organization_id = :host)",
                    "host",
                    f.host());
        }
        if (f.accreditedFrom() != null) {
            sql.and("p.accredited_on >= :accreditedFrom", "accreditedFrom", f.accreditedFrom());
        }
        if (f.accreditedTo() != null) {
            sql.and("p.accredited_on <= :accreditedTo", "accreditedTo", f.accreditedTo());
        }
        if (f.changedSince() != null) {
            sql.and("p.updated_at >= :changedSince", "changedSince", f.changedSince());
        }
        if (f.q() != null) {
            String q = normalised(f.q());
            if (byTerms(f)) {
                // The query's terms (V6__platform_search_terms.sql), from the terms index.
                sql.and("p.search_terms @@ " + text.function + "(:q)", "q", q);
            } else {
                // One character is no term: a substring match, which the trigram index cannot
                // narrow either, so it reads the table; such queries are rare.
                sql.and(
                        "p.search_text LIKE :qLike ESCAPE '\\'",
                        "qLike",
                        "%" + escapeLike(q) + "%");
            }
        }
        return sql;
    }

    static String normalised(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
