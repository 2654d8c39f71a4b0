package org.innoreg.indicators.publishing;

import static org.innoreg.chassis.events.EventAction.CREATED;

import jakarta.inject.Singleton;
import java.util.List;
import org.innoreg.chassis.events.EventContract;
import org.innoreg.chassis.write.AggregateType;
import org.innoreg.indicators.domain.Target;
import org.innoreg.indicators.mapping.TargetView;

/**
 * Topic {@code indicators.target.v1}, types {@code org.innoreg.indicators.target.created}, data =
 * the target.
 */
@Singleton
public class TargetEvents extends AggregateType<Target> {

    public static final String AGGREGATE = "target";

    /** Targets are only ever added. */
    public static final EventContract CONTRACT =
            new EventContract(AGGREGATE, List.of(CREATED), TargetView.class, "Plan targets.");

    TargetEvents() {
        super(
                CONTRACT,
                target -> target.id.toString(),
                target -> target.regionCode,
                TargetView::of);
    }
}
