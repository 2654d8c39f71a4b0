package org.innoreg.registry.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.innoreg.chassis.events.Outbox;
import org.innoreg.registry.domain.Platform;
import org.innoreg.registry.mapping.PlatformMapper;

/**
 * The event contract of the platform aggregate: topic {@code registry.platform.v1}, types
 * {@code org.innoreg.registry.platform.{created,updated,deleted}}, data = the platform as the API shows
 * it (its last state for a delete). Level and status changes are updates whose data carries the new
 * level or status.
 */
@ApplicationScoped
public class PlatformEvents {

    public static final String AGGREGATE = "platform";

    private final Outbox outbox;

    PlatformEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Platform platform) {
        record("created", platform);
    }

    public void updated(Platform platform) {
        record("updated", platform);
    }

    public void deleted(Platform platform) {
        record("deleted", platform);
    }

    private void record(String action, Platform p) {
        outbox.record(AGGREGATE, action, p.id.toString(), p.version, PlatformMapper.toView(p));
    }
}
