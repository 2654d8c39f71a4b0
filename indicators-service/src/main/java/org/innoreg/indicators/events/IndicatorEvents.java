package org.innoreg.indicators.events;

import jakarta.inject.Singleton;
import org.innoreg.chassis.write.AggregateType;
import org.innoreg.indicators.domain.Indicator;
import org.innoreg.indicators.mapping.IndicatorMapper;

/**
 * The event contract of the indicator aggregate: topic {@code indicators.indicator.v1}, types
 * {@code org.innoreg.indicators.indicator.<action>}, data = the definition as the API shows it.
 * Definitions hold for every region: the indicators-editor role guards them, not a region scope.
 */
@Singleton
public class IndicatorEvents extends AggregateType<Indicator> {

    public static final String AGGREGATE = "indicator";

    IndicatorEvents() {
        super(
                AGGREGATE,
                indicator -> indicator.code,
                AggregateType::noRegion,
                IndicatorMapper::toView);
    }
}
