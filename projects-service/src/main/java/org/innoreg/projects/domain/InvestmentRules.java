package org.innoreg.projects.domain;

import java.math.BigDecimal;

/**
 * Investment figures that cannot be right, as pure functions; the service refuses them with a 422
 * problem naming the rule ({@code urn:innoreg:problem:implausible-value}, {@code rule}) and stores
 * nothing.
 */
public final class InvestmentRules {

    /** Completed investment more than {@code factor} times the planned investment. */
    public static final String COMPLETED_ABOVE_PLANNED = "completed-investment-above-planned";

    private InvestmentRules() {}

    /**
     * Whether {@code completed} is more than {@code factor} × {@code planned}. Projects overrun
     * their plans, but not by multiples: that is a figure in 元 typed as 万元, or a plan that was
     * never updated. A planned investment of 0 states no plan yet, so there is nothing to compare
     * with.
     */
    public static boolean completedFarAbovePlanned(
            BigDecimal completed, BigDecimal planned, BigDecimal factor) {
        if (completed == null || planned == null || planned.signum() <= 0) {
            return false;
        }
        return completed.compareTo(planned.multiply(factor)) > 0;
    }
}
