package org.innoreg.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.regions.KnownRegions;
import org.innoreg.chassis.write.WritePipeline;
import org.innoreg.indicators.domain.Frequency;
import org.innoreg.indicators.domain.IndicatorKind;
import org.innoreg.indicators.domain.ObservationStatus;
import org.innoreg.indicators.domain.Target;
import org.innoreg.indicators.events.TargetEvents;
import org.innoreg.indicators.mapping.ObservationView;
import org.innoreg.indicators.mapping.Progress;
import org.innoreg.indicators.mapping.Progress.Status;
import org.innoreg.indicators.mapping.TargetInput;
import org.innoreg.indicators.mapping.TargetView;

/**
 * Plan targets and their progress. The rules (also in the OpenAPI description of the progress
 * endpoint):
 *
 * <ul>
 *   <li>LEVEL: the latest value up to the target year; ACHIEVED when it meets the target; otherwise
 *       its progress from the baseline is compared with a straight line from baseline to target.
 *   <li>CUMULATIVE: the total of the years from the span's first to the target year; compared with
 *       the target pro rata to the years elapsed (to the latest year reported).
 *   <li>ANNUAL_GROWTH: the latest value against the baseline grown at the target rate for the years
 *       since; without a baseline value, the value reported for the baseline year.
 * </ul>
 *
 * Against the expectation: at or beyond it ON_TRACK, within 10 % of it AT_RISK, further OFF_TRACK;
 * past the target year and not met, OFF_TRACK; no value, NO_DATA.
 */
@ApplicationScoped
public class TargetService {

    static final BigDecimal AT_RISK_FLOOR = new BigDecimal("0.9");
    private static final MathContext MATH = MathContext.DECIMAL64;

    private final IndicatorService indicators;
    private final ObservationService observations;
    private final EntityManager entityManager;
    private final TargetEvents events;
    private final WritePipeline writes;
    private final KnownRegions regions;

    TargetService(
            IndicatorService indicators,
            ObservationService observations,
            EntityManager entityManager,
            TargetEvents events,
            WritePipeline writes,
            KnownRegions regions) {
        this.writes = writes;
        this.regions = regions;
        this.indicators = indicators;
        this.observations = observations;
        this.entityManager = entityManager;
        this.events = events;
    }

    public Target get(UUID id) {
        Target target = entityManager.find(Target.class, id);
        if (target == null) {
            throw ProblemException.notFound("target", id);
        }
        return target;
    }

    /**
     * Targets of one region (or all when null) last changed at or after {@code changedSince} (any
     * when null).
     */
    public List<Target> list(String region, java.time.OffsetDateTime changedSince) {
        String where =
                (region == null ? "" : " and regionCode = :region")
                        + (changedSince == null ? "" : " and updatedAt >= :changedSince");
        var query =
                entityManager.createQuery(
                        "from Target where 1 = 1"
                                + where
                                + " order by regionCode, indicatorCode, targetPeriod",
                        Target.class);
        if (region != null) {
            query.setParameter("region", region);
        }
        if (changedSince != null) {
            query.setParameter("changedSince", changedSince);
        }
        return query.getResultList();
    }

    /** Targets of one region, or of all when {@code region} is null. */
    public List<Target> ofRegion(String region) {
        String order = " order by regionCode, indicatorCode, targetPeriod";
        return region == null
                ? entityManager.createQuery("from Target" + order, Target.class).getResultList()
                : entityManager
                        .createQuery("from Target where regionCode = ?1" + order, Target.class)
                        .setParameter(1, region)
                        .getResultList();
    }

    @Transactional
    public Target create(TargetInput input) {
        return writes.create(events, newTarget(input), target -> check(input));
    }

    /**
     * What Bean Validation cannot see about a target: the indicator, its kind's fields, no
     * duplicate.
     */
    private void check(TargetInput input) {
        var indicator = indicators.get(input.indicator());
        List<Problem.FieldError> errors =
                new java.util.ArrayList<>(regions.fieldErrors("region", input.region()));
        if (indicator.frequency != Frequency.ANNUAL) {
            errors.add(new Problem.FieldError("indicator", Messages.text("target.annual-only")));
        }
        if (input.kind() == Target.Kind.CUMULATIVE && input.spanFrom() == null) {
            errors.add(new Problem.FieldError("spanFrom", Messages.text("target.span-required")));
        }
        if (input.kind() != Target.Kind.CUMULATIVE && input.spanFrom() != null) {
            errors.add(new Problem.FieldError("spanFrom", Messages.text("target.span-only")));
        }
        if (input.kind() == Target.Kind.ANNUAL_GROWTH && input.baselinePeriod() == null) {
            errors.add(
                    new Problem.FieldError(
                            "baselinePeriod", Messages.text("target.growth-baseline")));
        }
        if (input.baselineValue() != null && input.baselinePeriod() == null) {
            errors.add(
                    new Problem.FieldError(
                            "baselinePeriod", Messages.text("target.baseline-year")));
        }
        if (input.baselinePeriod() != null
                && input.baselinePeriod().compareTo(input.targetPeriod()) >= 0) {
            errors.add(
                    new Problem.FieldError(
                            "baselinePeriod", Messages.text("field.before", "targetPeriod")));
        }
        if (input.spanFrom() != null && input.spanFrom().compareTo(input.targetPeriod()) > 0) {
            errors.add(
                    new Problem.FieldError(
                            "spanFrom", Messages.text("field.not-after", "targetPeriod")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
        long same =
                entityManager
                        .createQuery(
                                "select count(*) from Target where indicatorCode = ?1 and regionCode = ?2"
                                        + " and plan = ?3 and kind = ?4 and targetPeriod = ?5",
                                Long.class)
                        .setParameter(1, input.indicator())
                        .setParameter(2, input.region())
                        .setParameter(3, input.plan().strip())
                        .setParameter(4, input.kind())
                        .setParameter(5, input.targetPeriod())
                        .getSingleResult();
        if (same > 0) {
            throw ProblemException.conflict(
                    "duplicate",
                    Messages.text(
                            "target.duplicate",
                            input.kind(),
                            input.indicator(),
                            input.region(),
                            input.targetPeriod()));
        }
    }

    private static Target newTarget(TargetInput input) {
        Target target = new Target();
        target.id = UUID.randomUUID();
        target.indicatorCode = input.indicator();
        target.regionCode = input.region();
        target.kind = input.kind();
        target.comparison =
                input.comparison() == null ? Target.Comparison.AT_LEAST : input.comparison();
        target.targetValue = input.targetValue();
        target.targetPeriod = input.targetPeriod();
        target.baselinePeriod = input.baselinePeriod();
        target.baselineValue = input.baselineValue();
        target.spanFrom = input.spanFrom();
        target.plan = input.plan().strip();
        target.description = input.description();
        return target;
    }

    public Progress progress(Target target, LocalDate asOf) {
        var known =
                asOf.plusDays(1)
                        .atStartOfDay()
                        .atOffset(ZoneOffset.UTC); // everything recorded by the end of that day
        String from = target.kind == Target.Kind.CUMULATIVE ? target.spanFrom : null;
        List<ObservationView> values =
                fromRecords(target.indicatorCode)
                        ? countedFromRecords(target, from, asOf)
                        : observations.series(
                                target.indicatorCode,
                                target.regionCode,
                                from,
                                target.targetPeriod,
                                known,
                                null);
        TargetView view = TargetView.of(target);
        if (values.isEmpty()) {
            return new Progress(
                    view, asOf, Status.NO_DATA, null, null, null, null, "no value reported yet");
        }
        ObservationView latest = values.get(values.size() - 1);
        int latestYear = Integer.parseInt(latest.period().substring(0, 4));
        int targetYear = Integer.parseInt(target.targetPeriod);
        boolean over = latestYear >= targetYear;
        return switch (target.kind) {
            case LEVEL -> level(target, view, asOf, latest, latestYear, targetYear, over);
            case CUMULATIVE ->
                    cumulative(target, view, asOf, values, latest, latestYear, targetYear, over);
            case ANNUAL_GROWTH -> {
                // A plan often names only the baseline year: its value is then the one reported for
                // that year.
                BigDecimal baseline =
                        target.baselineValue != null
                                ? target.baselineValue
                                : values.stream()
                                        .filter(v -> v.period().equals(target.baselinePeriod))
                                        .map(ObservationView::value)
                                        .findFirst()
                                        .orElse(null);
                yield baseline == null
                        ? new Progress(
                                view,
                                asOf,
                                Status.NO_DATA,
                                null,
                                null,
                                null,
                                null,
                                "no value reported for the baseline year " + target.baselinePeriod)
                        : baseline.signum() == 0 // e.g. a derived count with nothing counted in the
                                // baseline year
                                ? new Progress(
                                        view,
                                        asOf,
                                        Status.NO_DATA,
                                        null,
                                        null,
                                        null,
                                        null,
                                        "the baseline year "
                                                + target.baselinePeriod
                                                + " has 0: no growth rate can be measured from it")
                                : growth(
                                        target,
                                        baseline,
                                        view,
                                        asOf,
                                        latest,
                                        latestYear,
                                        targetYear,
                                        over);
            }
        };
    }

    /**
     * A DERIVED indicator, or one COMPUTED from derived parts alone: its values come from the
     * registry's records.
     */
    private boolean fromRecords(String code) {
        var indicator = indicators.get(code);
        return switch (indicator.kind) {
            case DERIVED -> true;
            case REPORTED -> false;
            case COMPUTED ->
                    Stream.concat(
                                    indicator.numerator.stream(),
                                    Stream.ofNullable(indicator.denominator))
                            .allMatch(part -> indicators.get(part).kind == IndicatorKind.DERIVED);
        };
    }

    /**
     * A derived count is dated by the records themselves (a platform accredited in 2019 counts in
     * 2019 however late it was registered), so it is read as the registry's events now say, for the
     * years up to {@code asOf}'s (and the target's); a year nothing was counted in is 0, not
     * missing. From the span's or baseline's first year (else the last year alone) to that year.
     */
    private List<ObservationView> countedFromRecords(Target target, String from, LocalDate asOf) {
        int last = Math.min(Integer.parseInt(target.targetPeriod), asOf.getYear());
        String start = from != null ? from : target.baselinePeriod;
        int first = start != null ? Integer.parseInt(start) : last;
        Map<String, ObservationView> counted = new HashMap<>();
        if (first <= last) {
            observations
                    .series(
                            target.indicatorCode,
                            target.regionCode,
                            String.valueOf(first),
                            String.valueOf(last),
                            null,
                            null)
                    .forEach(value -> counted.put(value.period(), value));
        }
        List<ObservationView> values = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            String period = String.valueOf(year);
            values.add(
                    counted.getOrDefault(
                            period,
                            new ObservationView(
                                    target.indicatorCode,
                                    target.regionCode,
                                    period,
                                    BigDecimal.ZERO,
                                    ObservationStatus.PROVISIONAL,
                                    null,
                                    "nothing counted in this year",
                                    null,
                                    null)));
        }
        return values;
    }

    private Progress level(
            Target t,
            TargetView view,
            LocalDate asOf,
            ObservationView latest,
            int latestYear,
            int targetYear,
            boolean over) {
        BigDecimal value = latest.value();
        if (meets(t, value, t.targetValue)) {
            return new Progress(
                    view,
                    asOf,
                    Status.ACHIEVED,
                    value,
                    latest.period(),
                    share(t, value),
                    t.targetValue,
                    "target met");
        }
        if (t.baselineValue == null) {
            return new Progress(
                    view,
                    asOf,
                    over ? Status.OFF_TRACK : Status.AT_RISK,
                    value,
                    latest.period(),
                    null,
                    null,
                    over
                            ? "target year reached, not met"
                            : "not met yet; no baseline to judge the trajectory");
        }
        int baselineYear = Integer.parseInt(t.baselinePeriod);
        BigDecimal elapsed =
                BigDecimal.valueOf(Math.min(latestYear, targetYear) - baselineYear)
                        .divide(BigDecimal.valueOf(targetYear - baselineYear), MATH);
        BigDecimal expected =
                t.baselineValue.add(
                        t.targetValue.subtract(t.baselineValue).multiply(elapsed, MATH), MATH);
        return judge(
                view,
                asOf,
                value,
                latest.period(),
                share(t, value),
                expected,
                progressRatio(
                        value.subtract(t.baselineValue), expected.subtract(t.baselineValue), t),
                over);
    }

    private Progress cumulative(
            Target t,
            TargetView view,
            LocalDate asOf,
            List<ObservationView> values,
            ObservationView latest,
            int latestYear,
            int targetYear,
            boolean over) {
        BigDecimal total =
                values.stream()
                        .map(ObservationView::value)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
        int first = Integer.parseInt(t.spanFrom);
        BigDecimal elapsed =
                BigDecimal.valueOf(Math.min(latestYear, targetYear) - first + 1)
                        .divide(BigDecimal.valueOf(targetYear - first + 1), MATH);
        BigDecimal expected = t.targetValue.multiply(elapsed, MATH);
        BigDecimal share = total.divide(t.targetValue, 4, RoundingMode.HALF_EVEN);
        if (meets(t, total, t.targetValue)) {
            return new Progress(
                    view,
                    asOf,
                    Status.ACHIEVED,
                    total,
                    latest.period(),
                    share,
                    t.targetValue,
                    "total reached");
        }
        return judge(
                view,
                asOf,
                total,
                latest.period(),
                share,
                expected,
                progressRatio(total, expected, t),
                over);
    }

    private Progress growth(
            Target t,
            BigDecimal baseline,
            TargetView view,
            LocalDate asOf,
            ObservationView latest,
            int latestYear,
            int targetYear,
            boolean over) {
        int years = latestYear - Integer.parseInt(t.baselinePeriod);
        BigDecimal rate = t.targetValue.divide(BigDecimal.valueOf(100), MATH);
        BigDecimal expected =
                baseline.multiply(BigDecimal.ONE.add(rate).pow(Math.max(years, 0), MATH), MATH);
        BigDecimal ratio = latest.value().divide(expected, MATH);
        BigDecimal share =
                years <= 0
                        ? BigDecimal.ZERO
                        : BigDecimal.valueOf(years)
                                .divide(
                                        BigDecimal.valueOf(
                                                targetYear - Integer.parseInt(t.baselinePeriod)),
                                        4,
                                        RoundingMode.HALF_EVEN);
        if (over) {
            return new Progress(
                    view,
                    asOf,
                    ratio.compareTo(BigDecimal.ONE) >= 0 ? Status.ACHIEVED : Status.OFF_TRACK,
                    latest.value(),
                    latest.period(),
                    share,
                    round(expected),
                    ratio.compareTo(BigDecimal.ONE) >= 0
                            ? "grew at the target rate or faster"
                            : "grew slower than the target rate");
        }
        return judge(view, asOf, latest.value(), latest.period(), share, expected, ratio, false);
    }

    private static Progress judge(
            TargetView view,
            LocalDate asOf,
            BigDecimal value,
            String period,
            BigDecimal share,
            BigDecimal expected,
            BigDecimal ratio,
            boolean over) {
        Status status =
                over
                        ? Status.OFF_TRACK
                        : ratio.compareTo(BigDecimal.ONE) >= 0
                                ? Status.ON_TRACK
                                : ratio.compareTo(AT_RISK_FLOOR) >= 0
                                        ? Status.AT_RISK
                                        : Status.OFF_TRACK;
        String reason =
                over
                        ? "target year reached, not met"
                        : "at "
                                + ratio.multiply(BigDecimal.valueOf(100))
                                        .setScale(0, RoundingMode.HALF_EVEN)
                                + " % of the expected progress";
        return new Progress(view, asOf, status, value, period, share, round(expected), reason);
    }

    /** How far along the expected progress the actual one is (1 = exactly on the line). */
    private static BigDecimal progressRatio(BigDecimal actual, BigDecimal expected, Target t) {
        if (expected.signum() == 0) {
            return BigDecimal.ONE;
        }
        BigDecimal ratio = actual.divide(expected, MATH);
        return t.comparison == Target.Comparison.AT_MOST && t.kind == Target.Kind.CUMULATIVE
                ? BigDecimal.valueOf(2).subtract(ratio)
                : ratio;
    }

    private static boolean meets(Target t, BigDecimal value, BigDecimal target) {
        int compared = value.compareTo(target);
        return t.comparison == Target.Comparison.AT_LEAST ? compared >= 0 : compared <= 0;
    }

    private static BigDecimal share(Target t, BigDecimal value) {
        BigDecimal from = t.baselineValue == null ? BigDecimal.ZERO : t.baselineValue;
        BigDecimal distance = t.targetValue.subtract(from);
        return distance.signum() == 0
                ? null
                : value.subtract(from).divide(distance, 4, RoundingMode.HALF_EVEN);
    }

    private static BigDecimal round(BigDecimal value) {
        return ObservationView.plain(value.setScale(4, RoundingMode.HALF_EVEN));
    }
}
