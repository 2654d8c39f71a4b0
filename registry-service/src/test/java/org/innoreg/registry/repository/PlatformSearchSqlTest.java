package org.innoreg.registry.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.innoreg.chassis.search.ReactiveSearch;
import org.innoreg.registry.domain.PlatformType;
import org.innoreg.registry.mapping.PlatformFilter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The relevance search's SQL, word for word: its probe, terms-index fallback and LIMITs are tuned
 * on a million platforms (docs/decisions/0006) and must not drift when the query builder changes.
 */
@Tag("fast")
class PlatformSearchSqlTest {

    private static final PlatformFilter CHEMICAL_LABS =
            new PlatformFilter(
                    Set.of(PlatformType.KEY_LABORATORY),
                    Set.of(),
                    Set.of(),
                    "430700",
                    null,
                    null,
                    null,
                    null,
                    null,
                    " 化工 ");

    private static final String RANK =
            "CAST(CASE WHEN strpos(p.search_text, $%d) > 0 THEN 100000 ELSE 0 END"
                    + " - length(p.search_text) AS bigint)";

    @Test
    void aRelevancePageReadsTheProbeThenTheTermsIndex() {
        var query =
                PlatformSearch.searchQuery(
                        CHEMICAL_LABS,
                        PlatformSearch.Text.ALL_TERMS,
                        PlatformSort.RELEVANCE,
                        List.of("-7", "0b0e7a4e-0000-0000-0000-000000000001"),
                        21);

        ReactiveSearch.Statement page =
                ReactiveSearch.positional(
                        query.page("p.id", PlatformSearchSql.from(query)), query.params());

        assertThat(page.sql())
                .isEqualTo(
                        "SELECT p.id, CAST("
                                + RANK.formatted(1)
                                + " AS text) AS sort_key FROM (WITH probe AS MATERIALIZED"
                                + " (SELECT p.* FROM (SELECT * FROM platform p"
                                + " WHERE p.ctid < CAST('(1500,0)' AS tid) OFFSET 0) p"
                                + " WHERE p.type IN ($2) AND p.region_code LIKE $3"
                                + " AND p.search_terms @@ search_query($4) LIMIT $5)"
                                + " SELECT * FROM probe WHERE (SELECT count(*) FROM probe) = $6"
                                + " UNION ALL (SELECT p.* FROM platform p WHERE p.type IN ($7)"
                                + " AND p.region_code LIKE $8 AND p.search_terms @@ search_query($9)"
                                + " AND (SELECT count(*) FROM probe) < $10 LIMIT $11)) p"
                                + " WHERE ("
                                + RANK.formatted(12)
                                + ", p.id) < (CAST(CAST($13 AS text) AS bigint),"
                                + " CAST(CAST($14 AS text) AS uuid)) ORDER BY "
                                + RANK.formatted(15)
                                + " DESC, p.id DESC LIMIT $16");
        assertThat(page.values())
                .containsExactly(
                        "化工",
                        "KEY_LABORATORY",
                        "4307%",
                        "化工",
                        200L,
                        200L,
                        "KEY_LABORATORY",
                        "4307%",
                        "化工",
                        200L,
                        200L,
                        "化工",
                        "-7",
                        "0b0e7a4e-0000-0000-0000-000000000001",
                        "化工",
                        21L);
    }

    @Test
    void anOrderedPageAndItsCountsReadTheTableWithTheirConditions() {
        var query =
                PlatformSearch.searchQuery(
                        CHEMICAL_LABS,
                        PlatformSearch.Text.ALL_TERMS_BUT_ONE,
                        PlatformSort.UPDATED_AT_DESC,
                        null,
                        51);
        String where =
                " WHERE p.type IN ($1) AND p.region_code LIKE $2"
                        + " AND p.search_terms @@ search_query_relaxed($3)";

        ReactiveSearch.Statement page =
                ReactiveSearch.positional(
                        query.page("p.id", PlatformSearchSql.from(query)), query.params());
        assertThat(page.sql())
                .isEqualTo(
                        "SELECT p.id, CAST(p.updated_at AS text) AS sort_key FROM platform p"
                                + where
                                + " ORDER BY p.updated_at DESC, p.id DESC LIMIT $4");
        assertThat(page.values()).containsExactly("KEY_LABORATORY", "4307%", "化工", 51L);
        assertThat(ReactiveSearch.positional(query.count(), query.params()).sql())
                .isEqualTo("SELECT count(*) FROM platform p" + where);
        assertThat(ReactiveSearch.positional(query.facet("p.level"), query.params()).sql())
                .isEqualTo(
                        "SELECT p.level, count(*) FROM platform p"
                                + where
                                + " GROUP BY 1 ORDER BY 2 DESC, 1");
    }
}
