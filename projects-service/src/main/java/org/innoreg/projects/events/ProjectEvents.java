package org.innoreg.projects.events;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.innoreg.chassis.events.Outbox;
import org.innoreg.projects.domain.Project;
import org.innoreg.projects.mapping.ProjectMapper;

/**
 * The event contract of the project aggregate: topic {@code projects.project.v1}, types
 * {@code org.innoreg.projects.project.{created,updated,stage-changed,investment-reported,reviewed,milestone-changed,obstacle-changed}}, data = the project as the API
 * shows it after the change. All are keyed by project id, so one project's events stay in order.
 */
@ApplicationScoped
public class ProjectEvents {

    public static final String AGGREGATE = "project";

    private final Outbox outbox;

    ProjectEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(Project project) {
        record("created", project);
    }

    /** The events of many new projects (an import's), recorded together. */
    public void createdAll(List<Project> created) {
        outbox.recordAll(AGGREGATE, "created", created.stream().map(ProjectEvents::change).toList());
    }

    public void updated(Project project) {
        record("updated", project);
    }

    public void stageChanged(Project project) {
        record("stage-changed", project);
    }

    public void investmentReported(Project project) {
        record("investment-reported", project);
    }

    public void reviewed(Project project) {
        record("reviewed", project);
    }

    public void milestoneChanged(Project project) {
        record("milestone-changed", project);
    }

    public void obstacleChanged(Project project) {
        record("obstacle-changed", project);
    }

    private void record(String action, Project p) {
        outbox.recordAll(AGGREGATE, action, List.of(change(p)));
    }

    private static Outbox.Change change(Project p) {
        return new Outbox.Change(p.id.toString(), p.version, ProjectMapper.toView(p));
    }
}
