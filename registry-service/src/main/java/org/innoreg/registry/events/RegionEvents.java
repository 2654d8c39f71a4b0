package org.innoreg.registry.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.innoreg.chassis.write.AggregateType;
import org.innoreg.registry.domain.Region;
import org.innoreg.registry.mapping.RegionMapper;
import org.innoreg.registry.mapping.RegionView;

/**
 * The event contract of the region aggregate: topic {@code registry.region.v1}, type
 * {@code org.innoreg.registry.region.created}, data = the region as the API shows it.
 */
@ApplicationScoped
public class RegionEvents implements AggregateType<Region> {

    public static final String AGGREGATE = "region";

    @Override
    public String name() {
        return AGGREGATE;
    }

    @Override
    public String id(Region region) {
        return region.code;
    }

    /** Regions are defined by admins (the role guards it), not by a bureau of some region. */
    @Override
    public String region(Region region) {
        return null;
    }

    @Override
    public RegionView view(Region region) {
        return RegionMapper.toView(region);
    }
}
