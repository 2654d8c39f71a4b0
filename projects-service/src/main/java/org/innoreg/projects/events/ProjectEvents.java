package org.innoreg.projects.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.innoreg.chassis.events.Outbox;
import org.innoreg.projects.domain.Project;
import org.innoreg.projects.mapping.ProjectMapper;

/**
 * The event contract of the project aggregate: topic {@code projects.project.v1}, types
 * {@code org.innoreg.projects.project.<action>}, data = the project as the API shows it.
 */
@ApplicationScoped
public class ProjectEvents {

    public static final String AGGREGATE = "project";

    private final Outbox outbox;

    ProjectEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Project project) {
        outbox.record(AGGREGATE, "created", project.id.toString(), project.version, ProjectMapper.toView(project));
    }
}
