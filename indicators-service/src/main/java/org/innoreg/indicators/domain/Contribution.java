package org.innoreg.indicators.domain;

import java.math.BigDecimal;

/**
 * What one source record (a platform, a project) adds to one derived cell: 1 to a count, its planned
 * investment to a sum. {@code period} is empty for a current count, which is written to the year of the
 * event that changes it, so each year's cell keeps the count as of its last event.
 */
public record Contribution(String indicator, String region, String period, BigDecimal amount) {

    public static final String CURRENT = "";

    /** The cell's running total this contribution goes to. */
    public Key key() {
        return new Key(indicator, region, period);
    }

    public record Key(String indicator, String region, String period) {
    }
}
