package org.innoreg.indicators.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.innoreg.chassis.events.Outbox;
import org.innoreg.indicators.domain.Target;
import org.innoreg.indicators.mapping.TargetView;

/** Topic {@code indicators.target.v1}, types {@code org.innoreg.indicators.target.created}, data = the target. */
@ApplicationScoped
public class TargetEvents {

    public static final String AGGREGATE = "target";

    private final Outbox outbox;

    TargetEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Target target) {
        outbox.record(AGGREGATE, "created", target.id.toString(), target.version, TargetView.of(target));
    }
}
