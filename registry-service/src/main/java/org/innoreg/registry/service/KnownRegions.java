package org.innoreg.registry.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.innoreg.registry.repository.PlatformViewQuery;
import org.innoreg.registry.repository.RegionRepository;

/**
 * The registry owns the regions: a region parameter is checked against its own {@code region}
 * table, with the checks and problems every service shares (chassis {@link
 * org.innoreg.chassis.regions.KnownRegions}), plus a variant for the reads on the event loop.
 */
@ApplicationScoped
public class KnownRegions extends org.innoreg.chassis.regions.KnownRegions {

    private final RegionRepository regions;
    private final PlatformViewQuery reactive;

    KnownRegions(RegionRepository regions, PlatformViewQuery reactive) {
        this.regions = regions;
        this.reactive = reactive;
    }

    /** On a worker thread (JDBC). */
    @Override
    protected boolean exists(String code) {
        return regions.findByIdOptional(code).isPresent();
    }

    /** A filter on the event loop (the reactive client): 400 naming the parameter. */
    public Uni<Void> requireReactive(String parameter, String code) {
        if (remembered(code)) {
            return Uni.createFrom().voidItem();
        }
        return reactive.select(
                        "SELECT code FROM region WHERE code = $1",
                        List.of(code),
                        row -> row.getString(0))
                .map(
                        found -> {
                            if (found.isEmpty()) {
                                throw unknownFilter(parameter, code);
                            }
                            remember(code);
                            return null;
                        });
    }
}
