package org.innoreg.indicators.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What one source record (a platform, a project) adds to one derived indicator in one region over a
 * span of years: 1 to a count, its planned investment to a sum. {@code toYear} is inclusive; null
 * means "from {@code fromYear} on", with no end: a platform accredited in 2019 and still in force
 * counts in every year since. Such open spans are written as cells up to the derived indicators'
 * horizon (the current year, moved forward at New Year), so the current year stays right without a
 * new event.
 */
public record Contribution(
        String indicator, String region, int fromYear, Integer toYear, BigDecimal amount) {

    /** A contribution to one year's cell. */
    public static Contribution inYear(
            String indicator, String region, int year, BigDecimal amount) {
        return new Contribution(indicator, region, year, year, amount);
    }

    /**
     * A contribution to every year from {@code fromYear} to {@code toYear} (inclusive; null:
     * without end).
     */
    public static Contribution during(
            String indicator, String region, int fromYear, Integer toYear, BigDecimal amount) {
        return new Contribution(indicator, region, fromYear, toYear, amount);
    }

    public boolean covers(int year) {
        return year >= fromYear && (toYear == null || year <= toYear);
    }

    /**
     * The cells it adds to, up to and including {@code horizon} (the last year cells are kept for).
     */
    public List<Key> cells(int horizon) {
        int last = toYear == null ? horizon : Math.min(toYear, horizon);
        List<Key> cells = new ArrayList<>(Math.max(0, last - fromYear + 1));
        for (int year = fromYear; year <= last; year++) {
            cells.add(new Key(indicator, region, String.valueOf(year)));
        }
        return cells;
    }

    /** One derived cell: indicator × region × year. */
    public record Key(String indicator, String region, String period) {}
}
