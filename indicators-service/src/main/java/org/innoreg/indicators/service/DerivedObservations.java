package org.innoreg.indicators.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes derived observation cells, the running totals the derived indicators have reached, in one
 * statement (they are not published again as events).
 */
@ApplicationScoped
public class DerivedObservations {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    DerivedObservations(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** The value a derived cell has reached. */
    public record DerivedCell(String indicator, String region, String period, BigDecimal value) {}

    /**
     * Sets derived cells to the values their running totals have reached, in one statement: a cell
     * is recorded the first time it has a value other than 0, revised when its value changed (to 0
     * included), left alone otherwise. A cell that never had a value is not created to say 0: a
     * derived cell nobody counted anything in reads as 0 anyway, so live events and a rebuild agree
     * whichever zeros they pass through. Derived values are provisional (they move with every
     * event) and their source is the indicator's (the topic they come from).
     *
     * @return how many cells changed value (recorded or revised)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int writeDerived(List<DerivedCell> cells) {
        if (cells.isEmpty()) {
            return 0;
        }
        // one row per cell (one statement cannot upsert a row twice): the last value given wins
        Map<List<String>, DerivedCell> byCell = new LinkedHashMap<>();
        cells.forEach(
                cell -> byCell.put(List.of(cell.indicator(), cell.region(), cell.period()), cell));
        String rows;
        try {
            rows = json.writeValueAsString(byCell.values());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        // clock_timestamp(), truncated as Java's are: the instant asOf compares with, as for
        // reported cells
        return entityManager
                .createNativeQuery(
                        """
                WITH written AS (
                    INSERT INTO observation AS o (indicator_code, region_code, period, value, status, source, version,
                                                  created_at, updated_at)
                    SELECT c.indicator, c.region, c.period, c.value, 'PROVISIONAL', i.source, 1,
                           date_trunc('microseconds', clock_timestamp()), date_trunc('microseconds', clock_timestamp())
                      FROM json_to_recordset(CAST(?1 AS json)) AS c(indicator text, region text, period text, value numeric)
                      JOIN indicator i ON i.code = c.indicator
                     WHERE c.value <> 0 OR EXISTS (SELECT 1 FROM observation x WHERE x.indicator_code = c.indicator
                                                      AND x.region_code = c.region AND x.period = c.period)
                    ON CONFLICT (indicator_code, region_code, period) DO UPDATE
                       SET value = excluded.value, version = o.version + 1, updated_at = excluded.updated_at
                     WHERE o.value <> excluded.value
                    RETURNING o.indicator_code, o.region_code, o.period, o.value, o.status, o.source, o.note, o.updated_at)
                INSERT INTO observation_revision (indicator_code, region_code, period, value, status, source, note, recorded_at)
                SELECT indicator_code, region_code, period, value, status, source, note, updated_at FROM written
                """)
                .setParameter(1, rows)
                .executeUpdate();
    }
}
