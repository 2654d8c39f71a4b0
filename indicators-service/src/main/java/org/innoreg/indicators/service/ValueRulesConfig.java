package org.innoreg.indicators.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** The thresholds of {@link org.innoreg.indicators.domain.ValueRules}. */
@ConfigMapping(prefix = "innoreg.indicators.rules")
public interface ValueRulesConfig {

    /**
     * A revision this many times the cell's last value (or this fraction of it) is refused unless
     * {@code confirm=true}: two orders of magnitude, what a slipped unit (万 for 亿, 元 for 万元) or two
     * extra zeros make.
     */
    @WithDefault("100")
    BigDecimal revisionJumpFactor();
}
