package org.innoreg.registry.service;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.List;
import org.innoreg.chassis.write.WritePipeline;
import org.innoreg.registry.domain.Region;
import org.innoreg.registry.publishing.RegionEvents;
import org.innoreg.registry.repository.RegionRepository;

/**
 * The regions the registry starts with are written by a Flyway migration (the GB/T 2260 seed), not
 * through the write pipeline, so no event reported them: a partner or a service reading {@code
 * registry.region.v1} from the beginning would not know the regions every record refers to. At
 * start, each region without an event gets its {@code created} event, once (an audit row is written
 * with every event; replicas take turns on an advisory lock).
 */
@ApplicationScoped
public class RegionSeedEvents {

    private final RegionRepository regions;
    private final RegionEvents events;
    private final WritePipeline writes;

    RegionSeedEvents(RegionRepository regions, RegionEvents events, WritePipeline writes) {
        this.regions = regions;
        this.events = events;
        this.writes = writes;
    }

    void onStart(@Observes StartupEvent start) {
        int published = publishMissing();
        if (published > 0) {
            Log.infof("published the created events of %d seeded regions", published);
        }
    }

    /** Records the missing events; returns how many. */
    @Transactional
    @ActivateRequestContext // the outbox asks who made the change: nobody here
    public int publishMissing() {
        List<Region> missing = regions.withoutEvents();
        writes.recordCreated(events, missing);
        return missing.size();
    }
}
