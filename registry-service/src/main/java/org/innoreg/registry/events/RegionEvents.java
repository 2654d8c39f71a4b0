package org.innoreg.registry.events;

import jakarta.inject.Singleton;
import org.innoreg.chassis.write.AggregateType;
import org.innoreg.registry.domain.Region;
import org.innoreg.registry.mapping.RegionMapper;

/**
 * The event contract of the region aggregate: topic {@code registry.region.v1}, type {@code
 * org.innoreg.registry.region.created}, data = the region as the API shows it. Regions are defined
 * by admins (the role guards it), not by a bureau of some region.
 */
@Singleton
public class RegionEvents extends AggregateType<Region> {

    public static final String AGGREGATE = "region";

    RegionEvents() {
        super(AGGREGATE, region -> region.code, AggregateType::noRegion, RegionMapper::toView);
    }
}
