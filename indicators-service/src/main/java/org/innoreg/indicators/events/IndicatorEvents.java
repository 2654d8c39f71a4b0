package org.innoreg.indicators.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.innoreg.chassis.write.AggregateType;
import org.innoreg.indicators.domain.Indicator;
import org.innoreg.indicators.mapping.IndicatorMapper;
import org.innoreg.indicators.mapping.IndicatorView;

/**
 * The event contract of the indicator aggregate: topic {@code indicators.indicator.v1}, types
 * {@code org.innoreg.indicators.indicator.<action>}, data = the definition as the API shows it.
 */
@ApplicationScoped
public class IndicatorEvents implements AggregateType<Indicator> {

    public static final String AGGREGATE = "indicator";

    @Override
    public String name() {
        return AGGREGATE;
    }

    @Override
    public String id(Indicator indicator) {
        return indicator.code;
    }

    /** Definitions hold for every region: the indicators-editor role guards them, not a region scope. */
    @Override
    public String region(Indicator indicator) {
        return null;
    }

    @Override
    public IndicatorView view(Indicator indicator) {
        return IndicatorMapper.toView(indicator);
    }
}
