package org.innoreg.projects.publishing;

import static org.innoreg.chassis.events.EventAction.CREATED;
import static org.innoreg.chassis.events.EventAction.DELETED;
import static org.innoreg.chassis.events.EventAction.UPDATED;

import jakarta.inject.Singleton;
import java.util.List;
import org.innoreg.chassis.events.EventAction;
import org.innoreg.chassis.events.EventContract;
import org.innoreg.chassis.write.AggregateTypeWithSteps;
import org.innoreg.projects.domain.Project;
import org.innoreg.projects.domain.ProjectTransition;
import org.innoreg.projects.mapping.ProjectMapper;
import org.innoreg.projects.mapping.ProjectView;
import org.innoreg.projects.mapping.TransitionView;
import org.innoreg.projects.repository.ProjectTransitionRepository;

/**
 * The event contract of the project aggregate: topic {@code projects.project.v1}, types {@code
 * org.innoreg.projects.project.<action>} for the actions below, data = the project as the API shows
 * it after the change (its last state for a delete) plus its dated stage {@code transitions},
 * oldest first, so that a reader can tell when it reached each stage. All are keyed by project id,
 * so one project's events stay in order.
 */
@Singleton
public class ProjectEvents extends AggregateTypeWithSteps<Project, ProjectTransition> {

    public static final String AGGREGATE = "project";

    public static final EventAction STAGE_CHANGED = new EventAction("stage-changed");
    public static final EventAction INVESTMENT_REPORTED = new EventAction("investment-reported");
    public static final EventAction REVIEWED = new EventAction("reviewed");
    public static final EventAction MILESTONE_CHANGED = new EventAction("milestone-changed");
    public static final EventAction OBSTACLE_CHANGED = new EventAction("obstacle-changed");

    public static final EventContract CONTRACT =
            new EventContract(
                    AGGREGATE,
                    List.of(
                            CREATED,
                            UPDATED,
                            STAGE_CHANGED,
                            INVESTMENT_REPORTED,
                            REVIEWED,
                            MILESTONE_CHANGED,
                            OBSTACLE_CHANGED,
                            DELETED),
                    ProjectView.class,
                    "Industrial investment projects of the pipeline; every stage transition is a stage-changed event.",
                    new EventContract.DatedSteps(
                            "transitions",
                            "ProjectTransition",
                            "The project's stage transitions, oldest first: the date it reached each stage"));

    ProjectEvents(ProjectTransitionRepository transitions) {
        super(
                CONTRACT,
                p -> p.id.toString(),
                p -> p.regionCode,
                ProjectMapper::toView,
                transitions::ofAll,
                t -> t.projectId,
                TransitionView::of);
    }
}
