package org.innoreg.registry.publishing;

import static org.innoreg.chassis.events.EventAction.CREATED;

import jakarta.inject.Singleton;
import java.util.List;
import org.innoreg.chassis.events.EventContract;
import org.innoreg.chassis.write.AggregateType;
import org.innoreg.registry.domain.Region;
import org.innoreg.registry.mapping.RegionMapper;
import org.innoreg.registry.mapping.RegionView;

/**
 * The event contract of the region aggregate: topic {@code registry.region.v1}, type {@code
 * org.innoreg.registry.region.created}, data = the region as the API shows it. Regions are defined
 * by admins (the role guards it), not by a bureau of some region.
 */
@Singleton
public class RegionEvents extends AggregateType<Region> {

    public static final String AGGREGATE = "region";

    /** Regions are only ever added. */
    public static final EventContract CONTRACT =
            new EventContract(
                    AGGREGATE,
                    List.of(CREATED),
                    RegionView.class,
                    "GB/T 2260 regions and special areas added to the registry.");

    RegionEvents() {
        super(CONTRACT, region -> region.code, AggregateType::noRegion, RegionMapper::toView);
    }
}
