package org.innoreg.registry.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.innoreg.chassis.events.Outbox;
import org.innoreg.registry.domain.Organization;
import org.innoreg.registry.mapping.OrganizationMapper;

/**
 * The event contract of the organisation aggregate: topic {@code registry.organization.v1}, types
 * {@code org.innoreg.registry.organization.{created,updated,deleted}}, data = the organisation as the
 * API shows it (its last state for a delete).
 */
@ApplicationScoped
public class OrganizationEvents {

    public static final String AGGREGATE = "organization";

    private final Outbox outbox;

    OrganizationEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Organization organization) {
        record("created", organization);
    }

    /** The events of many new organizations (an import's), recorded together. */
    public void createdAll(List<Organization> created) {
        outbox.recordAll(AGGREGATE, "created", created.stream().map(OrganizationEvents::change).toList());
    }

    public void updated(Organization organization) {
        record("updated", organization);
    }

    public void deleted(Organization organization) {
        record("deleted", organization);
    }

    private void record(String action, Organization o) {
        outbox.recordAll(AGGREGATE, action, List.of(change(o)));
    }

    private static Outbox.Change change(Organization o) {
        return new Outbox.Change(o.id.toString(), o.version, OrganizationMapper.toView(o));
    }
}
