package org.innoreg.registry.publishing;

import static org.innoreg.chassis.events.EventAction.CREATED;
import static org.innoreg.chassis.events.EventAction.DELETED;
import static org.innoreg.chassis.events.EventAction.UPDATED;

import jakarta.inject.Singleton;
import java.util.List;
import org.innoreg.chassis.events.EventContract;
import org.innoreg.chassis.write.AggregateType;
import org.innoreg.registry.domain.Organization;
import org.innoreg.registry.mapping.OrganizationMapper;
import org.innoreg.registry.mapping.OrganizationView;

/**
 * The event contract of the organisation aggregate: topic {@code registry.organization.v1}, types
 * {@code org.innoreg.registry.organization.{created,updated,deleted}}, data = the organisation as
 * the API shows it (its last state for a delete).
 */
@Singleton
public class OrganizationEvents extends AggregateType<Organization> {

    public static final String AGGREGATE = "organization";

    public static final EventContract CONTRACT =
            new EventContract(
                    AGGREGATE,
                    List.of(CREATED, UPDATED, DELETED),
                    OrganizationView.class,
                    "Host enterprises, universities, institutes and hospitals.");

    OrganizationEvents() {
        super(CONTRACT, o -> o.id.toString(), o -> o.regionCode, OrganizationMapper::toView);
    }
}
