package org.innoreg.projects.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** The thresholds of {@link org.innoreg.projects.domain.InvestmentRules}. */
@ConfigMapping(prefix = "innoreg.projects.rules")
public interface InvestmentRulesConfig {

    /**
     * Completed investment above this many times the planned one is refused: overruns of a half or
     * even double happen, three times the plan is a unit slip (元 for 万元) or a plan that needs
     * updating first.
     */
    @WithDefault("3")
    BigDecimal maxCompletedToPlanned();
}
