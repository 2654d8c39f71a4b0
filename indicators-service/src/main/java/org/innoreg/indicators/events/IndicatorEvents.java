package org.innoreg.indicators.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.innoreg.chassis.events.Outbox;
import org.innoreg.indicators.domain.Indicator;
import org.innoreg.indicators.mapping.IndicatorMapper;

/**
 * The event contract of the indicator aggregate: topic {@code indicators.indicator.v1}, types
 * {@code org.innoreg.indicators.indicator.<action>}, data = the definition as the API shows it.
 */
@ApplicationScoped
public class IndicatorEvents {

    public static final String AGGREGATE = "indicator";

    private final Outbox outbox;

    IndicatorEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Indicator indicator) {
        outbox.record(AGGREGATE, "created", indicator.code, indicator.version, IndicatorMapper.toView(indicator));
    }
}
