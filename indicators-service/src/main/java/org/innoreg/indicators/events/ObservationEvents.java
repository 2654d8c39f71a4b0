package org.innoreg.indicators.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.innoreg.chassis.write.AggregateType;
import org.innoreg.indicators.domain.Observation;
import org.innoreg.indicators.mapping.ObservationView;

/**
 * The event contract of an observation cell: topic {@code indicators.observation.v1}, key
 * {@code <indicator>/<region>/<period>}, types {@code org.innoreg.indicators.observation.{recorded,revised}},
 * data = the cell's value after the change.
 */
@ApplicationScoped
public class ObservationEvents implements AggregateType<Observation> {

    public static final String AGGREGATE = "observation";

    @Override
    public String name() {
        return AGGREGATE;
    }

    @Override
    public String id(Observation observation) {
        return observation.cellId();
    }

    @Override
    public String region(Observation observation) {
        return observation.regionCode;
    }

    @Override
    public ObservationView view(Observation observation) {
        return ObservationView.of(observation);
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
