package org.innoreg.projects.publishing;

import java.util.List;
import org.innoreg.chassis.events.EventContract;
import org.innoreg.chassis.events.PublishedEvents;

/**
 * The event contracts this service publishes, in the order its OpenAPI document lists them ({@code
 * x-innoreg-events}). Named in {@code META-INF/services}, since that document is built before any
 * bean exists.
 */
public final class ProjectsEventContracts implements PublishedEvents {

    @Override
    public List<EventContract> contracts() {
        return List.of(ProjectEvents.CONTRACT);
    }
}
