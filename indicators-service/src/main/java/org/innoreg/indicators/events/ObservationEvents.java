package org.innoreg.indicators.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.innoreg.chassis.events.Outbox;
import org.innoreg.indicators.domain.Observation;
import org.innoreg.indicators.mapping.ObservationView;

/**
 * The event contract of an observation cell: topic {@code indicators.observation.v1}, key
 * {@code <indicator>/<region>/<period>}, types {@code org.innoreg.indicators.observation.{recorded,revised}},
 * data = the cell's value after the change.
 */
@ApplicationScoped
public class ObservationEvents {

    public static final String AGGREGATE = "observation";

    private final Outbox outbox;

    ObservationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void recorded(Observation observation) {
        outbox.record(AGGREGATE, "recorded", observation.cellId(), observation.version, ObservationView.of(observation));
    }

    public void revised(Observation observation) {
        outbox.record(AGGREGATE, "revised", observation.cellId(), observation.version, ObservationView.of(observation));
    }
}
