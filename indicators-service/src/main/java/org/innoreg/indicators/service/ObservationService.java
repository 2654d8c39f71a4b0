package org.innoreg.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
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
import org.innoreg.indicators.mapping.ObservationInput;
import org.innoreg.indicators.mapping.ObservationView;
import org.innoreg.indicators.publishing.ObservationEvents;

/**
 * Reported values of indicators. A new value for a cell is a revision: the old one is kept, so
 * series can be read as they were known on any date ({@link ObservationSeries}).
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
    private final ObservationSeries series;
    private final EntityManager entityManager;
    private final ObservationEvents events;
    private final WritePipeline writes;

    private final ValueRulesConfig rules;
    private final KnownRegions regions;

    ObservationService(
            IndicatorService indicators,
            ObservationSeries series,
            EntityManager entityManager,
            ObservationEvents events,
            WritePipeline writes,
            ValueRulesConfig rules,
            KnownRegions regions) {
        this.regions = regions;
        this.rules = rules;
        this.indicators = indicators;
        this.series = series;
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
        if (ValueRules.negative(indicator.unit, input.value())) {
            throw ProblemException.implausible(
                    ValueRules.NEGATIVE,
                    "value",
                    Messages.text(
                            "rule.negative-value",
                            input.value().toPlainString(),
                            indicator.unit.name()));
        }
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
                    series.computed(
                            share, region, period, period, OffsetDateTime.now().plusMinutes(1))) {
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
