package org.innoreg.registry.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.innoreg.chassis.events.Outbox;
import org.innoreg.registry.domain.Region;
import org.innoreg.registry.mapping.RegionMapper;

/**
 * The event contract of the region aggregate: topic {@code registry.region.v1}, types
 * {@code org.innoreg.registry.region.<action>}, data = the region as the API shows it.
 */
@ApplicationScoped
public class RegionEvents {

    public static final String AGGREGATE = "region";

    private final Outbox outbox;

    RegionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Region region) {
        outbox.record(AGGREGATE, "created", region.code, region.version, RegionMapper.toView(region));
    }
}
