package org.innoreg.indicators.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Values that cannot be right, as pure functions: the service refuses them with a 422 problem
 * naming the rule ({@code urn:innoreg:problem:implausible-value}, {@code rule}) and stores nothing.
 * A value that is merely unusual is not refused: only what no real statistic can be (a share above
 * the whole), or what is almost always a typing or unit slip (a figure a hundred times the last
 * one) and is then accepted when the caller confirms it.
 */
public final class ValueRules {

    /** A PERCENT indicator's value (a share of something) above 100. */
    public static final String PERCENT_ABOVE_100 = "percent-above-100";

    /**
     * Things counted (patents, enterprises, people), figures per head and shares cannot be below
     * zero. Amounts of money (RMB) are left alone: a net amount may be.
     */
    public static boolean negative(IndicatorUnit unit, BigDecimal value) {
        return value != null
                && value.signum() < 0
                && (unit == IndicatorUnit.COUNT
                        || unit == IndicatorUnit.PER_10K_PEOPLE
                        || unit == IndicatorUnit.PERCENT);
    }

    /** A computed share (R&D spending ÷ GDP × 100, ...) a written part would put above 100 %. */
    public static final String SHARE_ABOVE_100 = "share-above-100";

    /**
     * A revision at least {@code factor} times the cell's last value, or at most 1/{@code factor}
     * of it.
     */
    public static final String REVISION_JUMP = "revision-jump";

    /** A count, a per-head figure or a share below zero. */
    public static final String NEGATIVE = "negative-value";

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private ValueRules() {}

    /**
     * Every PERCENT indicator here is a share (R&D intensity, a budget's share...), never a growth
     * rate (growth is a target kind, ANNUAL_GROWTH, over a level indicator), so above 100 it cannot
     * be right.
     */
    public static boolean percentAbove100(IndicatorUnit unit, BigDecimal value) {
        return unit == IndicatorUnit.PERCENT && value != null && value.compareTo(HUNDRED) > 0;
    }

    /** A share of a whole computed from its parts (numerator ≤ denominator) is at most 100 %. */
    public static boolean shareAbove100(BigDecimal share) {
        return share != null && share.compareTo(HUNDRED) > 0;
    }

    /**
     * Whether {@code next} is {@code factor} or more times {@code last} in magnitude, either way
     * (36553 typed as 3655300, or a value in 亿元 written in 元). A zero on either side has no ratio:
     * not a jump.
     */
    public static boolean jumps(BigDecimal last, BigDecimal next, BigDecimal factor) {
        if (last == null || next == null || last.signum() == 0 || next.signum() == 0) {
            return false;
        }
        BigDecimal small = last.abs().min(next.abs());
        BigDecimal large = last.abs().max(next.abs());
        return large.divide(small, 6, RoundingMode.HALF_UP).compareTo(factor) >= 0;
    }
}
