package org.innoreg.indicators.mapping;

import org.innoreg.indicators.domain.Indicator;
import org.innoreg.indicators.domain.IndicatorKind;

public final class IndicatorMapper {

    private IndicatorMapper() {}

    public static IndicatorView toView(Indicator i) {
        return new IndicatorView(
                i.code,
                i.nameZh,
                i.nameEn,
                i.unit,
                i.frequency,
                i.kind,
                i.source,
                i.description,
                i.kind == IndicatorKind.COMPUTED
                        ? new Formula(i.numerator, i.denominator, ObservationView.plain(i.scale))
                        : null,
                i.version,
                i.createdAt,
                i.updatedAt);
    }

    public static Indicator toReportedIndicator(IndicatorInput input) {
        Indicator indicator = new Indicator();
        indicator.code = input.code();
        indicator.nameZh = input.nameZh().strip();
        indicator.nameEn = input.nameEn().strip();
        indicator.unit = input.unit();
        indicator.frequency = input.frequency();
        indicator.kind = IndicatorKind.REPORTED;
        indicator.source = input.source();
        indicator.description = input.description();
        return indicator;
    }
}
