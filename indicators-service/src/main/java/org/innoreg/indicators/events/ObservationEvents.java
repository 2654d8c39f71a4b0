package org.innoreg.indicators.events;

import jakarta.inject.Singleton;
import org.innoreg.chassis.write.AggregateType;
import org.innoreg.indicators.domain.Observation;
import org.innoreg.indicators.mapping.ObservationView;

/**
 * The event contract of an observation cell: topic {@code indicators.observation.v1}, key {@code
 * <indicator>/<region>/<period>}, types {@code
 * org.innoreg.indicators.observation.{recorded,revised}}, data = the cell's value after the change.
 */
@Singleton
public class ObservationEvents extends AggregateType<Observation> {

    public static final String AGGREGATE = "observation";

    ObservationEvents() {
        super(AGGREGATE, Observation::cellId, cell -> cell.regionCode, ObservationView::of);
    }

    @Override
    public String createdAction() {
        return "recorded";
    }

    @Override
    public String updatedAction() {
        return "revised";
    }
}
