package org.innoreg.chassis.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.innoreg.chassis.problem.ProblemException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The statements a keyset search runs, as text, and their parameters as each client gets them. */
@Tag("fast")
class KeysetQueryTest {

    enum Orders implements SortKey {
        NAME(SortKey.of("name", "p.name", "text", false)),
        UPDATED_AT_DESC(SortKey.of("-updatedAt", "p.updated_at", "timestamptz", true));

        private final Order order;

        Orders(SortKey order) {
            this.order = order.order();
        }

        @Override
        public Order order() {
            return order;
        }
    }

    private static KeysetQuery filtered() {
        return new KeysetQuery("project p", "p.id")
                .and("p.stage IN (:stages)", "stages", List.of("LEAD", "SIGNED"))
                .and("p.region_code LIKE :region", "region", "43%");
    }

    @Test
    void theFirstPageHasNoPosition() {
        KeysetQuery query = filtered().page(Orders.NAME, null, 20);

        assertThat(query.keyset()).isNull();
        assertThat(query.page("p.*"))
                .isEqualTo(
                        "SELECT p.*, CAST(p.name AS text) AS sort_key FROM project p"
                                + " WHERE p.stage IN (:stages) AND p.region_code LIKE :region"
                                + " ORDER BY p.name ASC, p.id ASC LIMIT :limit");
        assertThat(query.params()).containsEntry("limit", 20L).doesNotContainKey("afterKey");
    }

    @Test
    void anAscendingPageStartsAfterTheCursor() {
        KeysetQuery query = new KeysetQuery("project p", "p.id");
        query.page(Orders.NAME, List.of("Alpha", "0b0e7a4e-0000-0000-0000-000000000001"), 5);

        assertThat(query.keyset())
                .isEqualTo(
                        "(p.name, p.id) > (CAST(CAST(:afterKey AS text) AS text),"
                                + " CAST(CAST(:afterId AS text) AS uuid))");
        assertThat(query.page("p.*"))
                .isEqualTo(
                        "SELECT p.*, CAST(p.name AS text) AS sort_key FROM project p WHERE "
                                + query.keyset()
                                + " ORDER BY p.name ASC, p.id ASC LIMIT :limit");
        assertThat(query.params())
                .containsEntry("afterKey", "Alpha")
                .containsEntry("afterId", "0b0e7a4e-0000-0000-0000-000000000001");
    }

    @Test
    void aDescendingPageStartsBelowTheCursor() {
        KeysetQuery query =
                filtered().page(Orders.UPDATED_AT_DESC, List.of("2024-01-01T00:00:00Z", "x"), 5);

        assertThat(query.keyset())
                .isEqualTo(
                        "(p.updated_at, p.id) < (CAST(CAST(:afterKey AS text) AS timestamptz),"
                                + " CAST(CAST(:afterId AS text) AS uuid))");
        assertThat(query.source())
                .isEqualTo(
                        "project p WHERE p.stage IN (:stages) AND p.region_code LIKE :region AND "
                                + query.keyset());
        assertThat(query.orderBy())
                .isEqualTo(" ORDER BY p.updated_at DESC, p.id DESC LIMIT :limit");
        assertThat(query.rows("p.*"))
                .isEqualTo("SELECT p.* FROM " + query.source() + query.orderBy());
    }

    @Test
    void countsAndFacetsIgnoreThePage() {
        KeysetQuery query = filtered().page(Orders.NAME, List.of("Alpha", "x"), 5);

        assertThat(query.count())
                .isEqualTo(
                        "SELECT count(*) FROM project p"
                                + " WHERE p.stage IN (:stages) AND p.region_code LIKE :region");
        assertThat(query.facet("p.tier"))
                .isEqualTo(
                        "SELECT p.tier, count(*) FROM project p"
                                + " WHERE p.stage IN (:stages) AND p.region_code LIKE :region"
                                + " GROUP BY 1 ORDER BY 2 DESC, 1");
        assertThat(new KeysetQuery("project p", "p.id").count())
                .isEqualTo("SELECT count(*) FROM project p");
    }

    @Test
    void theReactiveClientGetsNumberedParametersInTextOrder() {
        KeysetQuery query = filtered().page(Orders.NAME, List.of("Alpha", "id-1"), 5);

        ReactiveSearch.Statement statement =
                ReactiveSearch.positional(query.page("p.*"), query.params());

        assertThat(statement.sql())
                .isEqualTo(
                        "SELECT p.*, CAST(p.name AS text) AS sort_key FROM project p"
                                + " WHERE p.stage IN ($1, $2) AND p.region_code LIKE $3"
                                + " AND (p.name, p.id) > (CAST(CAST($4 AS text) AS text),"
                                + " CAST(CAST($5 AS text) AS uuid))"
                                + " ORDER BY p.name ASC, p.id ASC LIMIT $6");
        assertThat(statement.values())
                .containsExactly("LEAD", "SIGNED", "43%", "Alpha", "id-1", 5L);
        // a count names fewer parameters: only they are numbered
        assertThat(ReactiveSearch.positional(query.count(), query.params()).values())
                .containsExactly("LEAD", "SIGNED", "43%");
    }

    @Test
    void aNameUsedTwiceIsBoundTwice() {
        ReactiveSearch.Statement statement =
                ReactiveSearch.positional(
                        "p.investor_uscc = :investor OR p.investor_name = :investor",
                        Map.of("investor", "ACME"));

        assertThat(statement.sql()).isEqualTo("p.investor_uscc = $1 OR p.investor_name = $2");
        assertThat(statement.values()).containsExactly("ACME", "ACME");
    }

    @Test
    void aDoubleColonCastIsNoParameter() {
        String sql = "SELECT CAST(:a AS date), x::text, y::timestamptz FROM t WHERE z = :b";

        assertThat(KeysetQuery.names(sql)).containsExactly("a", "b");
        ReactiveSearch.Statement statement =
                ReactiveSearch.positional(sql, Map.of("a", "2024-01-01", "b", 7));
        assertThat(statement.sql())
                .isEqualTo("SELECT CAST($1 AS date), x::text, y::timestamptz FROM t WHERE z = $2");
        assertThat(statement.values()).containsExactly("2024-01-01", 7);
    }

    @Test
    void anUnboundParameterIsAnError() {
        assertThatThrownBy(() -> ReactiveSearch.positional("x = :missing", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(":missing");
    }

    @Test
    void anOrderIsNamedByItsParameter() {
        assertThat(SortKey.named(Orders.values(), " -updatedAt "))
                .isEqualTo(Orders.UPDATED_AT_DESC);
        assertThatThrownBy(() -> SortKey.named(Orders.values(), "size"))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void aPageNeedsAnOrder() {
        assertThatThrownBy(() -> filtered().page("p.*")).isInstanceOf(IllegalStateException.class);
    }
}
