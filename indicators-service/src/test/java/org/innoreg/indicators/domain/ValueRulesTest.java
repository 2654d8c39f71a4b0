package org.innoreg.indicators.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The rules alone, without a service: where each one starts refusing. */
@Tag("fast")
class ValueRulesTest {

    private static final BigDecimal HUNDRED = new BigDecimal(100);

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aPercentageUpTo100IsFineAbove100ItCannotBe() {
        assertThat(ValueRules.percentAbove100(IndicatorUnit.PERCENT, n("100"))).isFalse();
        assertThat(ValueRules.percentAbove100(IndicatorUnit.PERCENT, n("2.3"))).isFalse();
        assertThat(ValueRules.percentAbove100(IndicatorUnit.PERCENT, n("100.000001"))).isTrue();
        assertThat(ValueRules.percentAbove100(IndicatorUnit.PERCENT, n("230"))).isTrue();
        // other units have no ceiling: 36,553 patent applications, 1,900 亿元 of GDP
        assertThat(ValueRules.percentAbove100(IndicatorUnit.COUNT, n("36553"))).isFalse();
        assertThat(ValueRules.percentAbove100(IndicatorUnit.RMB_100M, n("1900"))).isFalse();
    }

    @Test
    void aShareOfGdpAbove100CannotBe() {
        assertThat(ValueRules.shareAbove100(n("2.4"))).isFalse();
        assertThat(ValueRules.shareAbove100(n("100"))).isFalse();
        assertThat(ValueRules.shareAbove100(n("240"))).isTrue();
        assertThat(ValueRules.shareAbove100(null)).isFalse();
    }

    @Test
    void aRevisionJumpsAtTheFactorEitherWay() {
        assertThat(ValueRules.jumps(n("36553"), n("36000"), HUNDRED)).isFalse();
        assertThat(ValueRules.jumps(n("36553"), n("3655299"), HUNDRED)).isFalse(); // 99.99×
        assertThat(ValueRules.jumps(n("36553"), n("3655300"), HUNDRED))
                .isTrue(); // 100×: two zeros too many
        assertThat(ValueRules.jumps(n("1900"), n("19"), HUNDRED))
                .isTrue(); // a hundredth: 亿元 read as 百亿
        assertThat(ValueRules.jumps(n("-5"), n("-500"), HUNDRED)).isTrue();
        assertThat(ValueRules.jumps(n("10"), n("999"), new BigDecimal(1000)))
                .isFalse(); // the factor is the config's
    }

    @Test
    void zeroHasNoRatio() {
        assertThat(ValueRules.jumps(BigDecimal.ZERO, n("1000000"), HUNDRED)).isFalse();
        assertThat(ValueRules.jumps(n("1000000"), BigDecimal.ZERO, HUNDRED)).isFalse();
        assertThat(ValueRules.jumps(null, n("5"), HUNDRED)).isFalse();
    }
}
