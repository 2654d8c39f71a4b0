package org.innoreg.registry.events;

import jakarta.inject.Singleton;
import org.innoreg.chassis.write.AggregateType;
import org.innoreg.registry.domain.Organization;
import org.innoreg.registry.mapping.OrganizationMapper;

/**
 * The event contract of the organisation aggregate: topic {@code registry.organization.v1}, types
 * {@code org.innoreg.registry.organization.{created,updated,deleted}}, data = the organisation as
 * the API shows it (its last state for a delete).
 */
@Singleton
public class OrganizationEvents extends AggregateType<Organization> {

    public static final String AGGREGATE = "organization";

    OrganizationEvents() {
        super(AGGREGATE, o -> o.id.toString(), o -> o.regionCode, OrganizationMapper::toView);
    }
}
