package org.innoreg.indicators.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.innoreg.chassis.write.AggregateType;
import org.innoreg.indicators.domain.Target;
import org.innoreg.indicators.mapping.TargetView;

/** Topic {@code indicators.target.v1}, types {@code org.innoreg.indicators.target.created}, data = the target. */
@ApplicationScoped
public class TargetEvents implements AggregateType<Target> {

    public static final String AGGREGATE = "target";

    @Override
    public String name() {
        return AGGREGATE;
    }

    @Override
    public String id(Target target) {
        return target.id.toString();
    }

    @Override
    public String region(Target target) {
        return target.regionCode;
    }

    @Override
    public TargetView view(Target target) {
        return TargetView.of(target);
    }
}
