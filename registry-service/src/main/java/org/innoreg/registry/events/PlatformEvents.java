package org.innoreg.registry.events;

import java.util.List;

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

    /** The events of many new platforms (an import's), recorded together. */
    public void createdAll(List<Platform> created) {
        outbox.recordAll(AGGREGATE, "created", created.stream().map(PlatformEvents::change).toList());
    }

    public void updated(Platform platform) {
        record("updated", platform);
    }

    public void deleted(Platform platform) {
        record("deleted", platform);
    }

    private void record(String action, Platform p) {
        outbox.recordAll(AGGREGATE, action, List.of(change(p)));
    }

    private static Outbox.Change change(Platform p) {
        return new Outbox.Change(p.id.toString(), p.version, PlatformMapper.toView(p));
    }
}
