package org.innoreg.indicators.publishing;

import static org.innoreg.chassis.events.EventAction.CREATED;

import jakarta.inject.Singleton;
import java.util.List;
import org.innoreg.chassis.events.EventContract;
import org.innoreg.chassis.write.AggregateType;
import org.innoreg.indicators.domain.Indicator;
import org.innoreg.indicators.mapping.IndicatorMapper;
import org.innoreg.indicators.mapping.IndicatorView;

/**
 * The event contract of the indicator aggregate: topic {@code indicators.indicator.v1}, types
 * {@code org.innoreg.indicators.indicator.<action>}, data = the definition as the API shows it.
 * Definitions hold for every region: the indicators-editor role guards them, not a region scope.
 */
@Singleton
public class IndicatorEvents extends AggregateType<Indicator> {

    public static final String AGGREGATE = "indicator";

    /** Definitions are only ever added. */
    public static final EventContract CONTRACT =
            new EventContract(
                    AGGREGATE, List.of(CREATED), IndicatorView.class, "Indicator definitions.");

    IndicatorEvents() {
        super(
                CONTRACT,
                indicator -> indicator.code,
                AggregateType::noRegion,
                IndicatorMapper::toView);
    }
}
