package org.innoreg.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.innoreg.indicators.domain.Indicator;
import org.innoreg.indicators.domain.IndicatorKind;
import org.innoreg.indicators.domain.ObservationRevision;
import org.innoreg.indicators.domain.ObservationStatus;
import org.innoreg.indicators.mapping.ObservationView;

/**
 * Reads series of observations as they were known on a date: a reported or derived indicator from
 * its revisions, a computed one evaluated from its parts.
 */
@ApplicationScoped
public class ObservationSeries {

    private final IndicatorService indicators;
    private final EntityManager entityManager;

    ObservationSeries(IndicatorService indicators, EntityManager entityManager) {
        this.indicators = indicators;
        this.entityManager = entityManager;
    }

    /**
     * A series in region and period order: each cell's latest value recorded at or before {@code
     * asOf} (now if null), for one region or all, within [from, to], and only cells changed at or
     * after {@code changedSince}. A computed indicator is evaluated from its parts as they were
     * known at {@code asOf}.
     */
    public List<ObservationView> series(
            String code,
            String region,
            String from,
            String to,
            OffsetDateTime asOf,
            OffsetDateTime changedSince) {
        Indicator indicator = indicators.get(code);
        OffsetDateTime knownAt = asOf == null ? OffsetDateTime.now() : asOf;
        List<ObservationView> values =
                indicator.kind == IndicatorKind.COMPUTED
                        ? computed(indicator, region, from, to, knownAt)
                        : stored(code, region, from, to, knownAt);
        return changedSince == null
                ? values
                : values.stream().filter(v -> !v.recordedAt().isBefore(changedSince)).toList();
    }

    @SuppressWarnings("unchecked")
    private List<ObservationView> stored(
            String code, String region, String from, String to, OffsetDateTime asOf) {
        StringBuilder sql =
                new StringBuilder(
                        """
                SELECT DISTINCT ON (region_code, period) * FROM observation_revision
                 WHERE indicator_code = :code AND recorded_at <= :asOf""");
        if (region != null) {
            sql.append(" AND region_code = :region");
        }
        if (from != null) {
            sql.append(" AND period >= :from");
        }
        if (to != null) {
            sql.append(" AND period <= :to");
        }
        sql.append(" ORDER BY region_code, period, recorded_at DESC, id DESC");
        var query =
                entityManager
                        .createNativeQuery(sql.toString(), ObservationRevision.class)
                        .setParameter("code", code)
                        .setParameter("asOf", asOf);
        if (region != null) {
            query.setParameter("region", region);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return ((List<ObservationRevision>) query.getResultList())
                .stream().map(ObservationView::of).toList();
    }

    /**
     * sum(numerator) ÷ denominator × scale for every cell where each part has a value (a derived
     * count missing from a cell is 0: nothing was counted there) and the denominator is not zero.
     * The cell is FINAL when all its parts are, and was recorded when its newest part was.
     */
    List<ObservationView> computed(
            Indicator indicator, String region, String from, String to, OffsetDateTime asOf) {
        List<String> parts = new ArrayList<>(indicator.numerator);
        if (indicator.denominator != null) {
            parts.add(indicator.denominator);
        }
        Map<String, Map<String, ObservationView>> byCell =
                new TreeMap<>(); // "region|period" → part → value
        Map<String, Boolean> zeroWhenMissing = new HashMap<>();
        for (String part : parts) {
            zeroWhenMissing.put(part, indicators.get(part).kind == IndicatorKind.DERIVED);
            for (ObservationView value : series(part, region, from, to, asOf, null)) {
                byCell.computeIfAbsent(
                                value.region() + "|" + value.period(), cell -> new HashMap<>())
                        .put(part, value);
            }
        }
        List<ObservationView> values = new ArrayList<>();
        cells:
        for (Map<String, ObservationView> cell : byCell.values()) {
            BigDecimal sum = BigDecimal.ZERO;
            for (String part : indicator.numerator) {
                ObservationView value = cell.get(part);
                if (value == null && !zeroWhenMissing.get(part)) {
                    continue cells;
                }
                sum = value == null ? sum : sum.add(value.value());
            }
            BigDecimal result = sum.multiply(indicator.scale);
            if (indicator.denominator != null) {
                ObservationView denominator = cell.get(indicator.denominator);
                if (denominator == null || denominator.value().signum() == 0) {
                    continue;
                }
                result = result.divide(denominator.value(), 6, RoundingMode.HALF_EVEN);
            }
            ObservationView any = cell.values().iterator().next();
            boolean allFinal =
                    parts.stream()
                            .map(cell::get)
                            .allMatch(v -> v == null || v.status() == ObservationStatus.FINAL);
            OffsetDateTime recordedAt =
                    cell.values().stream()
                            .map(ObservationView::recordedAt)
                            .max(Comparator.naturalOrder())
                            .orElseThrow();
            values.add(
                    new ObservationView(
                            indicator.code,
                            any.region(),
                            any.period(),
                            ObservationView.plain(result),
                            allFinal ? ObservationStatus.FINAL : ObservationStatus.PROVISIONAL,
                            "computed: " + indicator.description,
                            null,
                            recordedAt,
                            null));
        }
        return values;
    }
}
