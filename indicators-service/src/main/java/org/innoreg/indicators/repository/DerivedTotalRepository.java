package org.innoreg.indicators.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.innoreg.indicators.domain.Contribution;

/**
 * The state behind derived indicators: each source record's current contributions with the sequence
 * of the event they came from ({@code derived_source}), the running totals per cell ({@code
 * derived_total}), and up to which year open-ended contributions have been written as cells ({@code
 * derived_state}). Every total is the sum of the sources' contributions to its cell, for the years
 * up to that horizon; a cell whose sum is 0 has no total row, so live consumption and a rebuild
 * keep the very same rows.
 */
@ApplicationScoped
public class DerivedTotalRepository {

    private static final TypeReference<List<Contribution>> CONTRIBUTIONS = new TypeReference<>() {};

    /**
     * The contributions of every source, one row per contribution, for SQL that sums them per cell
     * and year.
     */
    private static final String CONTRIBUTION_ROWS =
            """
            SELECT c->>'indicator' AS indicator_code, c->>'region' AS region_code, CAST(c->>'fromYear' AS int) AS from_year,
                   CAST(c->>'toYear' AS int) AS to_year, CAST(c->>'amount' AS numeric) AS amount
              FROM derived_source s CROSS JOIN LATERAL jsonb_array_elements(s.contributions) AS c""";

    /** A source record as last applied. */
    public record Source(long sequence, List<Contribution> contributions) {}

    /** A running total. */
    public record Total(Contribution.Key key, BigDecimal value) {}

    /**
     * Up to which year cells are kept ({@code horizon}), and whether a full rebuild is owed (after
     * an upgrade).
     */
    public record State(int horizon, boolean rebuildNeeded) {}

    private final EntityManager entityManager;
    private final ObjectMapper json;

    DerivedTotalRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * Serialises every writer of derived state (the live consumer, a rebuild, the New Year
     * roll-forward) for the rest of the transaction, so none of them interleaves with another.
     */
    public void lock() {
        entityManager
                .createNativeQuery(
                        "SELECT CAST(pg_advisory_xact_lock(hashtext('innoreg.derived-indicators')) AS text)")
                .getSingleResult();
    }

    public State state() {
        Object[] row =
                (Object[])
                        entityManager
                                .createNativeQuery(
                                        "SELECT horizon, rebuild_needed FROM derived_state")
                                .getSingleResult();
        return new State(((Number) row[0]).intValue(), (Boolean) row[1]);
    }

    public void setState(State state) {
        entityManager
                .createNativeQuery("UPDATE derived_state SET horizon = ?1, rebuild_needed = ?2")
                .setParameter(1, state.horizon())
                .setParameter(2, state.rebuildNeeded())
                .executeUpdate();
    }

    public Optional<Source> findSource(String sourceId) {
        List<?> rows =
                entityManager
                        .createNativeQuery(
                                "SELECT sequence, CAST(contributions AS text) FROM derived_source WHERE source_id = ?1 FOR UPDATE")
                        .setParameter(1, sourceId)
                        .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        try {
            return Optional.of(
                    new Source(
                            ((Number) row[0]).longValue(),
                            json.readValue((String) row[1], CONTRIBUTIONS)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "derived_source " + sourceId + " holds unreadable contributions", e);
        }
    }

    public void saveSource(String sourceId, long sequence, List<Contribution> contributions) {
        String serialised = toJson(contributions);
        entityManager
                .createNativeQuery(
                        """
                INSERT INTO derived_source (source_id, sequence, contributions) VALUES (?1, ?2, CAST(?3 AS jsonb))
                ON CONFLICT (source_id) DO UPDATE SET sequence = excluded.sequence, contributions = excluded.contributions
                """)
                .setParameter(1, sourceId)
                .setParameter(2, sequence)
                .setParameter(3, serialised)
                .executeUpdate();
    }

    /**
     * Adds each delta to its cell's running total, all in one statement, and returns the new
     * totals. A cell of an indicator this service does not define (a platform type added after its
     * migrations) is skipped.
     */
    @SuppressWarnings("unchecked")
    public Map<Contribution.Key, BigDecimal> addAll(Map<Contribution.Key, BigDecimal> deltas) {
        if (deltas.isEmpty()) {
            return Map.of();
        }
        List<Map<String, Object>> rows = new ArrayList<>(deltas.size());
        deltas.forEach(
                (key, delta) ->
                        rows.add(
                                Map.of(
                                        "indicator_code",
                                        key.indicator(),
                                        "region_code",
                                        key.region(),
                                        "period",
                                        key.period(),
                                        "delta",
                                        delta)));
        List<Object[]> totals =
                entityManager
                        .createNativeQuery(
                                """
                INSERT INTO derived_total AS t (indicator_code, region_code, period, value)
                SELECT d.indicator_code, d.region_code, d.period, d.delta
                  FROM json_to_recordset(CAST(?1 AS json)) AS d(indicator_code text, region_code text, period text, delta numeric)
                  JOIN indicator i ON i.code = d.indicator_code
                ON CONFLICT (indicator_code, region_code, period) DO UPDATE SET value = t.value + excluded.value
                RETURNING t.indicator_code, t.region_code, t.period, t.value
                """)
                        .setParameter(1, toJson(rows))
                        .getResultList();
        Map<Contribution.Key, BigDecimal> result = new LinkedHashMap<>();
        totals.forEach(
                r ->
                        result.put(
                                new Contribution.Key((String) r[0], (String) r[1], (String) r[2]),
                                (BigDecimal) r[3]));
        // A total nothing backs any more is dropped, as a rebuild (which sums the sources) would
        // never have it.
        List<Map<String, Object>> zero = new ArrayList<>();
        result.forEach(
                (key, value) -> {
                    if (value.signum() == 0) {
                        zero.add(
                                Map.of(
                                        "indicator_code",
                                        key.indicator(),
                                        "region_code",
                                        key.region(),
                                        "period",
                                        key.period()));
                    }
                });
        if (!zero.isEmpty()) {
            entityManager
                    .createNativeQuery(
                            """
                    DELETE FROM derived_total t
                     USING json_to_recordset(CAST(?1 AS json)) AS d(indicator_code text, region_code text, period text)
                     WHERE t.indicator_code = d.indicator_code AND t.region_code = d.region_code AND t.period = d.period
                       AND t.value = 0""")
                    .setParameter(1, toJson(zero))
                    .executeUpdate();
        }
        return result;
    }

    /**
     * What the years after {@code after}, up to {@code through}, receive from the contributions
     * that cover them (open-ended ones, and spans ending in a later year): the cells a horizon
     * moving forward adds.
     */
    @SuppressWarnings("unchecked")
    public Map<Contribution.Key, BigDecimal> contributionsToYears(int after, int through) {
        List<Object[]> rows =
                entityManager
                        .createNativeQuery(
                                """
                SELECT c.indicator_code, c.region_code, CAST(y AS text), sum(c.amount)
                  FROM (%s) c CROSS JOIN generate_series(CAST(?1 AS int) + 1, CAST(?2 AS int)) AS y
                 WHERE c.from_year <= y AND (c.to_year IS NULL OR c.to_year >= y)
                 GROUP BY 1, 2, 3
                HAVING sum(c.amount) <> 0
                """
                                        .formatted(CONTRIBUTION_ROWS))
                        .setParameter(1, after)
                        .setParameter(2, through)
                        .getResultList();
        Map<Contribution.Key, BigDecimal> result = new LinkedHashMap<>();
        rows.forEach(
                r ->
                        result.put(
                                new Contribution.Key((String) r[0], (String) r[1], (String) r[2]),
                                (BigDecimal) r[3]));
        return result;
    }

    /**
     * Sets every running total to the sum of the sources' contributions, years up to {@code
     * horizon} (a rebuild).
     */
    public void totalsFromSources(int horizon) {
        entityManager.createNativeQuery("TRUNCATE derived_total").executeUpdate();
        entityManager
                .createNativeQuery(
                        """
                INSERT INTO derived_total (indicator_code, region_code, period, value)
                SELECT c.indicator_code, c.region_code, CAST(y AS text), sum(c.amount)
                  FROM (%s) c
                  JOIN indicator i ON i.code = c.indicator_code
                 CROSS JOIN LATERAL generate_series(c.from_year, least(coalesce(c.to_year, CAST(?1 AS int)), CAST(?1 AS int))) AS y
                 GROUP BY 1, 2, 3
                HAVING sum(c.amount) <> 0
                """
                                .formatted(CONTRIBUTION_ROWS))
                .setParameter(1, horizon)
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<Total> totals() {
        List<Object[]> rows =
                entityManager
                        .createNativeQuery(
                                "SELECT indicator_code, region_code, period, value FROM derived_total WHERE value <> 0 ORDER BY 1, 2, 3")
                        .getResultList();
        return rows.stream()
                .map(
                        r ->
                                new Total(
                                        new Contribution.Key(
                                                (String) r[0], (String) r[1], (String) r[2]),
                                        (BigDecimal) r[3]))
                .toList();
    }

    /**
     * Derived observations with a non-zero value that no (non-zero) running total backs any more.
     */
    @SuppressWarnings("unchecked")
    public List<Contribution.Key> unbackedObservations() {
        List<Object[]> rows =
                entityManager
                        .createNativeQuery(
                                """
                SELECT o.indicator_code, o.region_code, o.period FROM observation o
                  JOIN indicator i ON i.code = o.indicator_code AND i.kind = 'DERIVED'
                 WHERE o.value <> 0
                   AND NOT EXISTS (SELECT 1 FROM derived_total t WHERE t.indicator_code = o.indicator_code
                                      AND t.region_code = o.region_code AND t.period = o.period AND t.value <> 0)
                """)
                        .getResultList();
        return rows.stream()
                .map(r -> new Contribution.Key((String) r[0], (String) r[1], (String) r[2]))
                .toList();
    }

    public void clear() {
        entityManager.createNativeQuery("TRUNCATE derived_source, derived_total").executeUpdate();
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
