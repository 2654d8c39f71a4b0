package org.innoreg.registry.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.innoreg.chassis.write.AggregateType;
import org.innoreg.registry.domain.Organization;
import org.innoreg.registry.mapping.OrganizationMapper;
import org.innoreg.registry.mapping.OrganizationView;

/**
 * The event contract of the organisation aggregate: topic {@code registry.organization.v1}, types
 * {@code org.innoreg.registry.organization.{created,updated,deleted}}, data = the organisation as the
 * API shows it (its last state for a delete).
 */
@ApplicationScoped
public class OrganizationEvents implements AggregateType<Organization> {

    public static final String AGGREGATE = "organization";

    @Override
    public String name() {
        return AGGREGATE;
    }

    @Override
    public String id(Organization organization) {
        return organization.id.toString();
    }

    @Override
    public String region(Organization organization) {
        return organization.regionCode;
    }

    @Override
    public OrganizationView view(Organization organization) {
        return OrganizationMapper.toView(organization);
    }
}
