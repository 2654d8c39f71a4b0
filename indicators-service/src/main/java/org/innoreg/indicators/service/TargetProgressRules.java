package org.innoreg.indicators.service;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.indicators.domain.Target;
import org.innoreg.indicators.mapping.ObservationView;
import org.innoreg.indicators.mapping.Progress;
import org.innoreg.indicators.mapping.Progress.Status;
import org.innoreg.indicators.mapping.TargetView;

/**
 * How a target stands, from the values it is judged on: pure functions. The rules (also in the
 * OpenAPI description of the progress endpoint):
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
final class TargetProgressRules {

    private static final BigDecimal AT_RISK_FLOOR = new BigDecimal("0.9");
    private static final MathContext MATH = MathContext.DECIMAL64;

    private TargetProgressRules() {}

    /** The progress of {@code target} on {@code asOf}, judged on {@code values} (oldest first). */
    static Progress progress(Target target, LocalDate asOf, List<ObservationView> values) {
        TargetView view = TargetView.of(target);
        if (values.isEmpty()) {
            return noData(view, asOf, Messages.text("progress.no-value"));
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
                        ? noData(
                                view,
                                asOf,
                                Messages.text("progress.no-baseline-value", target.baselinePeriod))
                        : baseline.signum() == 0 // e.g. a derived count with nothing counted in the
                                // baseline year
                                ? noData(
                                        view,
                                        asOf,
                                        Messages.text(
                                                "progress.zero-baseline", target.baselinePeriod))
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

    private static Progress level(
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
                    Messages.text("progress.met"));
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
                            ? Messages.text("progress.year-reached-not-met")
                            : Messages.text("progress.no-trajectory"));
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

    private static Progress cumulative(
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
                    Messages.text("progress.total-reached"));
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

    private static Progress growth(
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
                            ? Messages.text("progress.grew-at-rate")
                            : Messages.text("progress.grew-slower"));
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
                        ? Messages.text("progress.year-reached-not-met")
                        : Messages.text(
                                "progress.share-of-expected",
                                ratio.multiply(BigDecimal.valueOf(100))
                                        .setScale(0, RoundingMode.HALF_EVEN)
                                        .toPlainString());
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

    /** A target that cannot be judged yet, and why. */
    private static Progress noData(TargetView view, LocalDate asOf, String why) {
        return new Progress(view, asOf, Status.NO_DATA, null, null, null, null, why);
    }
}
