package org.innoreg.projects.domain;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/**
 * The investment bands the bureaus report by (RMB): below 100 million, from 100 million, from 500
 * million, from 1 billion. "Projects of RMB 100 million or more" are the last three bands together.
 */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum InvestmentTier implements Labelled {
    BELOW_100M(BigDecimal.ZERO),
    FROM_100M(new BigDecimal("100000000")),
    FROM_500M(new BigDecimal("500000000")),
    FROM_1B(new BigDecimal("1000000000"));

    private final BigDecimal lowerBound;

    InvestmentTier(BigDecimal lowerBound) {
        this.lowerBound = lowerBound;
    }

    public static InvestmentTier of(BigDecimal plannedInvestment) {
        InvestmentTier tier = BELOW_100M;
        for (InvestmentTier candidate : values()) {
            if (plannedInvestment.compareTo(candidate.lowerBound) >= 0) {
                tier = candidate;
            }
        }
        return tier;
    }
}
