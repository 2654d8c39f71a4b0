package org.innoreg.projects.resource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import org.innoreg.chassis.security.Caller;
import org.innoreg.chassis.security.Publication;
import org.innoreg.chassis.web.ETags;
import org.innoreg.projects.domain.Obstacle;
import org.innoreg.projects.domain.Project;
import org.innoreg.projects.mapping.ProgressViews;
import org.innoreg.projects.mapping.ProjectMapper;
import org.innoreg.projects.mapping.ProjectView;

/**
 * What this caller may see of a project and its records: what a bureau does not publish (the views'
 * {@code @Unpublished} components) only for authenticated readers.
 */
@ApplicationScoped
class CallerViews {

    private final Caller caller;

    CallerViews(Caller caller) {
        this.caller = caller;
    }

    /**
     * A project as this caller may see it: the supervising official only for authenticated readers.
     */
    ProjectView project(Project project) {
        return Publication.forCaller(ProjectMapper.toView(project), caller);
    }

    /** A 200 of a project as this caller may see it, tagged with its version. */
    Response tagged(Project project) {
        return ETags.ok(project(project), project.version);
    }

    /** An obstacle as this caller may see it: its text only for authenticated readers. */
    ProgressViews.ObstacleView obstacle(Obstacle obstacle, LocalDate asOf) {
        return Publication.forCaller(ProgressViews.ObstacleView.of(obstacle, asOf), caller);
    }

    /**
     * A review as this caller may see it: its reviewer and summary only for authenticated readers.
     */
    ProgressViews.Review review(ProgressViews.Review review) {
        return Publication.forCaller(review, caller);
    }

    /** An overdue project as this caller may see it: without what a bureau does not publish. */
    ProgressViews.Overdue overdue(ProgressViews.Overdue overdue) {
        return Publication.forCaller(overdue, caller);
    }
}
