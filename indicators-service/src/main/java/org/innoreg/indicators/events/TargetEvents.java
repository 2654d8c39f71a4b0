package org.innoreg.indicators.events;

import jakarta.inject.Singleton;
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

    TargetEvents() {
        super(
                AGGREGATE,
                target -> target.id.toString(),
                target -> target.regionCode,
                TargetView::of);
    }
}
