package org.innoreg.indicators.repository;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.innoreg.chassis.persistence.SqlValues;
import org.innoreg.indicators.domain.Contribution;

/**
 * The state behind derived indicators: each source record's current contributions with the sequence of
 * the event they came from ({@code derived_source}), and the running totals per cell
 * ({@code derived_total}).
 */
@ApplicationScoped
public class DerivedTotalRepository {

    private static final TypeReference<List<Contribution>> CONTRIBUTIONS = new TypeReference<>() {
    };

    /** A source record as last applied. */
    public record Source(long sequence, List<Contribution> contributions) {
    }

    /** A running total and when the newest event that moved it happened. */
    public record Total(Contribution.Key key, BigDecimal value, OffsetDateTime lastEventAt) {
    }

    private final EntityManager entityManager;
    private final ObjectMapper json;

    DerivedTotalRepository(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * Serialises every writer of derived state (the live consumer, a rebuild) for the rest of the
     * transaction, so a rebuild never interleaves with a live event.
     */
    public void lock() {
        entityManager.createNativeQuery("SELECT CAST(pg_advisory_xact_lock(hashtext('innoreg.derived-indicators')) AS text)")
                .getSingleResult();
    }

    public Optional<Source> findSource(String sourceId) {
        List<?> rows = entityManager.createNativeQuery(
                "SELECT sequence, CAST(contributions AS text) FROM derived_source WHERE source_id = ?1 FOR UPDATE")
                .setParameter(1, sourceId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        try {
            return Optional.of(new Source(((Number) row[0]).longValue(), json.readValue((String) row[1], CONTRIBUTIONS)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("derived_source " + sourceId + " holds unreadable contributions", e);
        }
    }

    public void saveSource(String sourceId, long sequence, List<Contribution> contributions) {
        String serialised = toJson(contributions);
        entityManager.createNativeQuery("""
                INSERT INTO derived_source (source_id, sequence, contributions) VALUES (?1, ?2, CAST(?3 AS jsonb))
                ON CONFLICT (source_id) DO UPDATE SET sequence = excluded.sequence, contributions = excluded.contributions
                """).setParameter(1, sourceId).setParameter(2, sequence).setParameter(3, serialised).executeUpdate();
    }

    /** Adds each delta to its cell's running total, all in one statement, and returns the new totals. */
    @SuppressWarnings("unchecked")
    public Map<Contribution.Key, BigDecimal> addAll(Map<Contribution.Key, BigDecimal> deltas, OffsetDateTime eventAt) {
        if (deltas.isEmpty()) {
            return Map.of();
        }
        List<Map<String, Object>> rows = new ArrayList<>(deltas.size());
        deltas.forEach((key, delta) -> rows.add(Map.of("indicator_code", key.indicator(), "region_code", key.region(),
                "period", key.period(), "delta", delta)));
        List<Object[]> totals = entityManager.createNativeQuery("""
                INSERT INTO derived_total (indicator_code, region_code, period, value, last_event_at)
                SELECT d.indicator_code, d.region_code, d.period, d.delta, ?2
                  FROM json_to_recordset(CAST(?1 AS json)) AS d(indicator_code text, region_code text, period text, delta numeric)
                ON CONFLICT (indicator_code, region_code, period) DO UPDATE
                   SET value = derived_total.value + excluded.value,
                       last_event_at = greatest(derived_total.last_event_at, excluded.last_event_at)
                RETURNING indicator_code, region_code, period, value
                """).setParameter(1, toJson(rows)).setParameter(2, eventAt).getResultList();
        Map<Contribution.Key, BigDecimal> result = new LinkedHashMap<>();
        totals.forEach(r -> result.put(new Contribution.Key((String) r[0], (String) r[1], (String) r[2]), (BigDecimal) r[3]));
        return result;
    }

    @SuppressWarnings("unchecked")
    public List<Total> totals() {
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT indicator_code, region_code, period, value, last_event_at FROM derived_total ORDER BY 1, 2, 3")
                .getResultList();
        return rows.stream().map(r -> new Total(new Contribution.Key((String) r[0], (String) r[1], (String) r[2]),
                (BigDecimal) r[3], SqlValues.offsetDateTime(r[4]))).toList();
    }

    /** Derived observations with a non-zero value that no running total backs any more. */
    @SuppressWarnings("unchecked")
    public List<Contribution.Key> unbackedObservations() {
        List<Object[]> rows = entityManager.createNativeQuery("""
                SELECT o.indicator_code, o.region_code, o.period FROM observation o
                  JOIN indicator i ON i.code = o.indicator_code AND i.kind = 'DERIVED'
                 WHERE o.value <> 0
                   AND NOT EXISTS (SELECT 1 FROM derived_total t WHERE t.indicator_code = o.indicator_code
                                      AND t.region_code = o.region_code AND t.period IN (o.period, ''))
                """).getResultList();
        return rows.stream().map(r -> new Contribution.Key((String) r[0], (String) r[1], (String) r[2])).toList();
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
