package org.innoreg.indicators.publishing;

import jakarta.inject.Singleton;
import java.util.List;
import org.innoreg.chassis.events.EventAction;
import org.innoreg.chassis.events.EventContract;
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

    public static final EventAction RECORDED = new EventAction("recorded");
    public static final EventAction REVISED = new EventAction("revised");

    /** A cell is recorded, then revised; it is never deleted. */
    public static final EventContract CONTRACT =
            new EventContract(
                    AGGREGATE,
                    List.of(RECORDED, REVISED),
                    ObservationView.class,
                    "Reported values, keyed <indicator>/<region>/<period>; a revision replaces the cell's value.");

    ObservationEvents() {
        super(CONTRACT, Observation::cellId, cell -> cell.regionCode, ObservationView::of);
    }

    @Override
    public EventAction createdAction() {
        return RECORDED;
    }

    @Override
    public EventAction updatedAction() {
        return REVISED;
    }
}
