package org.innoreg.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.innoreg.chassis.validation.BureauCalendar;
import org.innoreg.indicators.domain.IndicatorKind;
import org.innoreg.indicators.domain.ObservationStatus;
import org.innoreg.indicators.domain.Target;
import org.innoreg.indicators.mapping.ObservationView;
import org.innoreg.indicators.mapping.Progress;

/**
 * A target's progress on a day: reads the values it is judged on (reported, or counted from the
 * registry's records) and hands them to {@link TargetProgressRules}.
 */
@ApplicationScoped
public class TargetProgressService {

    private final IndicatorService indicators;
    private final ObservationSeries observations;

    TargetProgressService(IndicatorService indicators, ObservationSeries observations) {
        this.indicators = indicators;
        this.observations = observations;
    }

    public Progress progress(Target target, LocalDate asOf) {
        // everything recorded by the end of that day in Beijing, the bureaus' day
        var known = asOf.plusDays(1).atStartOfDay(BureauCalendar.ZONE).toOffsetDateTime();
        String from = target.kind == Target.Kind.CUMULATIVE ? target.spanFrom : null;
        List<ObservationView> values =
                fromRecords(target.indicatorCode)
                        ? countedFromRecords(target, from, asOf)
                        : observations.series(
                                target.indicatorCode,
                                target.regionCode,
                                from,
                                target.targetPeriod,
                                known,
                                null);
        return TargetProgressRules.progress(target, asOf, values);
    }

    /**
     * A DERIVED indicator, or one COMPUTED from derived parts alone: its values come from the
     * registry's records.
     */
    private boolean fromRecords(String code) {
        var indicator = indicators.get(code);
        return switch (indicator.kind) {
            case DERIVED -> true;
            case REPORTED -> false;
            case COMPUTED ->
                    Stream.concat(
                                    indicator.numerator.stream(),
                                    Stream.ofNullable(indicator.denominator))
                            .allMatch(part -> indicators.get(part).kind == IndicatorKind.DERIVED);
        };
    }

    /**
     * A derived count is dated by the records themselves (a platform accredited in 2019 counts in
     * 2019 however late it was registered), so it is read as the registry's events now say, for the
     * years up to {@code asOf}'s (and the target's); a year nothing was counted in is 0, not
     * missing. From the span's or baseline's first year (else the last year alone) to that year.
     */
    private List<ObservationView> countedFromRecords(Target target, String from, LocalDate asOf) {
        int last = Math.min(Integer.parseInt(target.targetPeriod), asOf.getYear());
        String start = from != null ? from : target.baselinePeriod;
        int first = start != null ? Integer.parseInt(start) : last;
        Map<String, ObservationView> counted = new HashMap<>();
        if (first <= last) {
            observations
                    .series(
                            target.indicatorCode,
                            target.regionCode,
                            String.valueOf(first),
                            String.valueOf(last),
                            null,
                            null)
                    .forEach(value -> counted.put(value.period(), value));
        }
        List<ObservationView> values = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            String period = String.valueOf(year);
            values.add(
                    counted.getOrDefault(
                            period,
                            new ObservationView(
                                    target.indicatorCode,
                                    target.regionCode,
                                    period,
                                    BigDecimal.ZERO,
                                    ObservationStatus.PROVISIONAL,
                                    null,
                                    "nothing counted in this year",
                                    null,
                                    null)));
        }
        return values;
    }
}
