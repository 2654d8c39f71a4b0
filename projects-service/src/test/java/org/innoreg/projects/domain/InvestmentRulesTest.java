package org.innoreg.projects.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Completed against planned investment, without a service: where the rule starts refusing. */
@Tag("fast")
class InvestmentRulesTest {

    private static final BigDecimal THREE = new BigDecimal(3);

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void anOverrunIsFineAMultipleIsNot() {
        BigDecimal planned = n("1000000000");
        assertThat(InvestmentRules.completedFarAbovePlanned(n("320000000"), planned, THREE))
                .isFalse();
        assertThat(InvestmentRules.completedFarAbovePlanned(n("1500000000"), planned, THREE))
                .isFalse();
        assertThat(InvestmentRules.completedFarAbovePlanned(n("3000000000"), planned, THREE))
                .isFalse(); // exactly 3×
        assertThat(InvestmentRules.completedFarAbovePlanned(n("3000000000.01"), planned, THREE))
                .isTrue();
        // 万元 typed into a yuan field: 10,000 times the plan
        assertThat(InvestmentRules.completedFarAbovePlanned(n("10000000000000"), planned, THREE))
                .isTrue();
        assertThat(InvestmentRules.completedFarAbovePlanned(n("2500000000"), planned, n("2")))
                .isTrue();
    }

    @Test
    void noPlanOrNothingCompletedIsNothingToCompare() {
        assertThat(InvestmentRules.completedFarAbovePlanned(n("5000000"), BigDecimal.ZERO, THREE))
                .isFalse();
        assertThat(InvestmentRules.completedFarAbovePlanned(null, n("1000000"), THREE)).isFalse();
        assertThat(InvestmentRules.completedFarAbovePlanned(n("1"), null, THREE)).isFalse();
    }
}
