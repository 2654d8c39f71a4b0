package org.innoreg.indicators.repository;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
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
        String serialised;
        try {
            serialised = json.writeValueAsString(contributions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        entityManager.createNativeQuery("""
                INSERT INTO derived_source (source_id, sequence, contributions) VALUES (?1, ?2, CAST(?3 AS jsonb))
                ON CONFLICT (source_id) DO UPDATE SET sequence = excluded.sequence, contributions = excluded.contributions
                """).setParameter(1, sourceId).setParameter(2, sequence).setParameter(3, serialised).executeUpdate();
    }

    /** Adds {@code delta} to a cell's total and returns the new total. */
    public BigDecimal add(Contribution.Key key, BigDecimal delta, OffsetDateTime eventAt) {
        Object total = entityManager.createNativeQuery("""
                INSERT INTO derived_total (indicator_code, region_code, period, value, last_event_at) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (indicator_code, region_code, period) DO UPDATE
                   SET value = derived_total.value + excluded.value,
                       last_event_at = greatest(derived_total.last_event_at, excluded.last_event_at)
                RETURNING value
                """).setParameter(1, key.indicator()).setParameter(2, key.region()).setParameter(3, key.period())
                .setParameter(4, delta).setParameter(5, eventAt).getSingleResult();
        return (BigDecimal) total;
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
}
