package org.innoreg.indicators.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.regions.KnownRegions;
import org.innoreg.chassis.write.ExpectedVersion;
import org.innoreg.chassis.write.WritePipeline;
import org.innoreg.indicators.domain.Frequency;
import org.innoreg.indicators.domain.Indicator;
import org.innoreg.indicators.domain.IndicatorKind;
import org.innoreg.indicators.domain.IndicatorUnit;
import org.innoreg.indicators.domain.Observation;
import org.innoreg.indicators.domain.ObservationRevision;
import org.innoreg.indicators.domain.ObservationStatus;
import org.innoreg.indicators.domain.ValueRules;
import org.innoreg.indicators.events.ObservationEvents;
import org.innoreg.indicators.mapping.ObservationInput;
import org.innoreg.indicators.mapping.ObservationView;

/**
 * Reported values of indicators. A new value for a cell is a revision: the old one is kept, so
 * series can be read as they were known on any date.
 */
@ApplicationScoped
public class ObservationService {

    /** What a write did to the cell. */
    public enum Outcome {
        RECORDED,
        REVISED,
        UNCHANGED
    }

    public record Written(Observation observation, Outcome outcome) {}

    private final IndicatorService indicators;
    private final EntityManager entityManager;
    private final ObservationEvents events;
    private final WritePipeline writes;
    private final ObjectMapper json;

    private final ValueRulesConfig rules;
    private final KnownRegions regions;

    ObservationService(
            IndicatorService indicators,
            EntityManager entityManager,
            ObservationEvents events,
            WritePipeline writes,
            ObjectMapper json,
            ValueRulesConfig rules,
            KnownRegions regions) {
        this.regions = regions;
        this.json = json;
        this.rules = rules;
        this.indicators = indicators;
        this.entityManager = entityManager;
        this.events = events;
        this.writes = writes;
    }

    public Observation get(String code, String region, String period) {
        indicators.get(code);
        Observation observation =
                entityManager.find(Observation.class, new Observation.Cell(code, region, period));
        if (observation == null) {
            throw ProblemException.notFound("observation", code + "/" + region + "/" + period);
        }
        return observation;
    }

    /**
     * Records or revises a cell. A revision needs If-Match with the cell's ETag; an identical value
     * changes nothing. Derived and computed indicators are not written by hand (409). A value that
     * cannot be right is refused (422, {@link ValueRules}); a revision that jumps by {@code
     * innoreg.indicators.rules.revision-jump-factor} only with {@code confirm}.
     */
    @Transactional
    public Written put(
            String code,
            String region,
            String period,
            ExpectedVersion expected,
            ObservationInput input,
            boolean confirm) {
        Indicator indicator = checkReported(code, period);
        // after the indicator's checks (404, 409 for one not written by hand): the cell's region
        regions.requireInPath(region);
        if (ValueRules.percentAbove100(indicator.unit, input.value())) {
            throw ProblemException.implausible(
                    ValueRules.PERCENT_ABOVE_100,
                    "value",
                    Messages.text("rule.percent-above-100", input.value().toPlainString()));
        }
        ObservationStatus status =
                input.status() == null ? ObservationStatus.PROVISIONAL : input.status();
        Written written = write(code, region, period, expected, input, status, confirm);
        checkShares(code, region, period);
        return written;
    }

    private Written write(
            String code,
            String region,
            String period,
            ExpectedVersion expected,
            ObservationInput input,
            ObservationStatus status,
            boolean confirm) {
        Observation observation =
                entityManager.find(Observation.class, new Observation.Cell(code, region, period));
        if (observation == null) {
            observation = new Observation();
            observation.indicatorCode = code;
            observation.regionCode = region;
            observation.period = period;
            apply(observation, input, status);
            writes.create(
                    events,
                    observation,
                    checkedAbove -> {},
                    cell -> entityManager.persist(ObservationRevision.of(cell)));
            return new Written(observation, Outcome.RECORDED);
        }
        if (!writes.update(
                events,
                observation,
                expected,
                cell -> {
                    // after the If-Match check: a stale or missing ETag is said first (412, 428),
                    // the jump only to a current reader
                    if (!confirm
                            && ValueRules.jumps(
                                    cell.value, input.value(), rules.revisionJumpFactor())) {
                        throw ProblemException.implausible(
                                ValueRules.REVISION_JUMP,
                                "value",
                                Messages.text(
                                        "rule.revision-jump",
                                        input.value().toPlainString(),
                                        ObservationView.plain(cell.value).toPlainString(),
                                        rules.revisionJumpFactor().toPlainString()));
                    }
                    apply(cell, input, status);
                })) {
            return new Written(observation, Outcome.UNCHANGED);
        }
        entityManager.persist(
                ObservationRevision.of(observation)); // from the revision's time, set by the update
        return new Written(observation, Outcome.REVISED);
    }

    /**
     * A computed share (a PERCENT indicator with a denominator: R&D spending ÷ GDP × 100) that this
     * cell is a part of must stay at most 100 % in the cell's region and period, with the value
     * just written. Throwing rolls the write back.
     */
    private void checkShares(String code, String region, String period) {
        List<Indicator> shares =
                entityManager
                        .createQuery(
                                """
                from Indicator where kind = ?1 and unit = ?2 and denominator is not null""",
                                Indicator.class)
                        .setParameter(1, IndicatorKind.COMPUTED)
                        .setParameter(2, IndicatorUnit.PERCENT)
                        .getResultList();
        entityManager.flush(); // the series below is read in SQL: it must see this write's revision
        for (Indicator share : shares) {
            if (!share.numerator.contains(code) && !code.equals(share.denominator)) {
                continue;
            }
            // known "a minute from now": the latest value of every part, this write's included
            for (ObservationView value :
                    computed(share, region, period, period, OffsetDateTime.now().plusMinutes(1))) {
                if (ValueRules.shareAbove100(value.value())) {
                    throw ProblemException.implausible(
                            ValueRules.SHARE_ABOVE_100,
                            "value",
                            Messages.text(
                                    "rule.share-above-100",
                                    share.code,
                                    value.value().toPlainString(),
                                    share.description));
                }
            }
        }
    }

    /** Only reported indicators are written by hand, in periods of their frequency. */
    private Indicator checkReported(String code, String period) {
        Indicator indicator = indicators.get(code);
        if (indicator.kind != IndicatorKind.REPORTED) {
            throw ProblemException.conflict(
                    "not-reported",
                    Messages.text(
                            indicator.kind == IndicatorKind.DERIVED
                                    ? "indicator.derived-not-written"
                                    : "indicator.computed-not-written",
                            code));
        }
        if (!fits(period, indicator.frequency)) {
            throw ProblemException.unprocessable(
                    "period",
                    Messages.text(
                            "indicator.period",
                            code,
                            indicator.frequency,
                            switch (indicator.frequency) {
                                case ANNUAL -> "2018";
                                case QUARTERLY -> "2018-Q3";
                                case MONTHLY -> "2018-07";
                            }));
        }
        return indicator;
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

    public List<ObservationRevision> revisions(String code, String region, String period) {
        get(code, region, period);
        return entityManager
                .createQuery(
                        """
                from ObservationRevision where indicatorCode = ?1 and regionCode = ?2 and period = ?3 order by recordedAt, id
                """,
                        ObservationRevision.class)
                .setParameter(1, code)
                .setParameter(2, region)
                .setParameter(3, period)
                .getResultList();
    }

    /**
     * A series in region and period order: each cell's latest value recorded at or before {@code
     * asOf} (now if null), for one region or all, within [from, to], and only cells changed at or
     * after {@code changedSince}. A computed indicator is evaluated from its parts as they were
     * known at {@code asOf}.
     */
    public List<ObservationView> series(
            String code,
            String region,
            String from,
            String to,
            OffsetDateTime asOf,
            OffsetDateTime changedSince) {
        Indicator indicator = indicators.get(code);
        OffsetDateTime knownAt = asOf == null ? OffsetDateTime.now() : asOf;
        List<ObservationView> values =
                indicator.kind == IndicatorKind.COMPUTED
                        ? computed(indicator, region, from, to, knownAt)
                        : stored(code, region, from, to, knownAt);
        return changedSince == null
                ? values
                : values.stream().filter(v -> !v.recordedAt().isBefore(changedSince)).toList();
    }

    @SuppressWarnings("unchecked")
    private List<ObservationView> stored(
            String code, String region, String from, String to, OffsetDateTime asOf) {
        StringBuilder sql =
                new StringBuilder(
                        """
                SELECT DISTINCT ON (region_code, period) * FROM observation_revision
                 WHERE indicator_code = :code AND recorded_at <= :asOf""");
        if (region != null) {
            sql.append(" AND region_code = :region");
        }
        if (from != null) {
            sql.append(" AND period >= :from");
        }
        if (to != null) {
            sql.append(" AND period <= :to");
        }
        sql.append(" ORDER BY region_code, period, recorded_at DESC, id DESC");
        var query =
                entityManager
                        .createNativeQuery(sql.toString(), ObservationRevision.class)
                        .setParameter("code", code)
                        .setParameter("asOf", asOf);
        if (region != null) {
            query.setParameter("region", region);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return ((List<ObservationRevision>) query.getResultList())
                .stream().map(ObservationView::of).toList();
    }

    /**
     * sum(numerator) ÷ denominator × scale for every cell where each part has a value (a derived
     * count missing from a cell is 0: nothing was counted there) and the denominator is not zero.
     * The cell is FINAL when all its parts are, and was recorded when its newest part was.
     */
    private List<ObservationView> computed(
            Indicator indicator, String region, String from, String to, OffsetDateTime asOf) {
        List<String> parts = new ArrayList<>(indicator.numerator);
        if (indicator.denominator != null) {
            parts.add(indicator.denominator);
        }
        Map<String, Map<String, ObservationView>> byCell =
                new TreeMap<>(); // "region|period" → part → value
        Map<String, Boolean> zeroWhenMissing = new HashMap<>();
        for (String part : parts) {
            zeroWhenMissing.put(part, indicators.get(part).kind == IndicatorKind.DERIVED);
            for (ObservationView value : series(part, region, from, to, asOf, null)) {
                byCell.computeIfAbsent(
                                value.region() + "|" + value.period(), cell -> new HashMap<>())
                        .put(part, value);
            }
        }
        List<ObservationView> values = new ArrayList<>();
        cells:
        for (Map<String, ObservationView> cell : byCell.values()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (String part : indicator.numerator) {
                ObservationView value = cell.get(part);
                if (value == null && !zeroWhenMissing.get(part)) {
                    continue cells;
                }
                sum = value == null ? sum : sum.add(value.value());
            }
            BigDecimal result = sum.multiply(indicator.scale);
            if (indicator.denominator != null) {
                ObservationView denominator = cell.get(indicator.denominator);
                if (denominator == null || denominator.value().signum() == 0) {
                    continue;
                }
                result = result.divide(denominator.value(), 6, RoundingMode.HALF_EVEN);
            }
            ObservationView any = cell.values().iterator().next();
            boolean allFinal =
                    parts.stream()
                            .map(cell::get)
                            .allMatch(v -> v == null || v.status() == ObservationStatus.FINAL);
            OffsetDateTime recordedAt =
                    cell.values().stream()
                            .map(ObservationView::recordedAt)
                            .max(Comparator.naturalOrder())
                            .orElseThrow();
            values.add(
                    new ObservationView(
                            indicator.code,
                            any.region(),
                            any.period(),
                            ObservationView.plain(result),
                            allFinal ? ObservationStatus.FINAL : ObservationStatus.PROVISIONAL,
                            "computed: " + indicator.description,
                            null,
                            recordedAt,
                            null));
        }
        return values;
    }

    private static void apply(
            Observation observation, ObservationInput input, ObservationStatus status) {
        if (observation.value == null || observation.value.compareTo(input.value()) != 0) {
            observation.value = input.value(); // 36553 and 36553.000 are one value: not a revision
        }
        observation.status = status;
        observation.source = input.source();
        observation.note = input.note();
    }

    static boolean fits(String period, Frequency frequency) {
        return switch (frequency) {
            case ANNUAL -> period.matches("[12][0-9]{3}");
            case QUARTERLY -> period.matches("[12][0-9]{3}-Q[1-4]");
            case MONTHLY -> period.matches("[12][0-9]{3}-(0[1-9]|1[0-2])");
        };
    }
}
