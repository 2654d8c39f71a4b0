package org.innoreg.projects.publishing;

import static org.innoreg.chassis.events.EventAction.CREATED;
import static org.innoreg.chassis.events.EventAction.DELETED;
import static org.innoreg.chassis.events.EventAction.UPDATED;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.innoreg.chassis.events.EventAction;
import org.innoreg.chassis.events.EventContract;
import org.innoreg.chassis.write.AggregateType;
import org.innoreg.projects.domain.Project;
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
public class ProjectEvents extends AggregateType<Project> {

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
                    "Project",
                    "Industrial investment projects of the pipeline; every stage transition is a stage-changed event.",
                    new EventContract.DatedSteps(
                            "transitions",
                            "ProjectTransition",
                            "The project's stage transitions, oldest first: the date it reached each stage"));

    /** The event data: the API's view with the stage transitions beside its fields. */
    public record Data(@JsonUnwrapped ProjectView project, List<TransitionView> transitions) {}

    private final ProjectTransitionRepository transitions;

    ProjectEvents(ProjectTransitionRepository transitions) {
        super(CONTRACT, p -> p.id.toString(), p -> p.regionCode, ProjectMapper::toView);
        this.transitions = transitions;
    }

    @Override
    public Object data(Project project) {
        return new Data(
                ProjectMapper.toView(project),
                transitions.of(project.id).stream().map(TransitionView::of).toList());
    }

    /** An import's chunk: the transitions of all its projects in one query. */
    @Override
    public List<Object> data(List<Project> projects) {
        Map<UUID, List<TransitionView>> steps =
                transitions.ofAll(projects.stream().map(p -> p.id).toList()).stream()
                        .collect(
                                Collectors.groupingBy(
                                        t -> t.projectId,
                                        Collectors.mapping(
                                                TransitionView::of, Collectors.toList())));
        return projects.stream()
                .<Object>map(
                        p -> new Data(ProjectMapper.toView(p), steps.getOrDefault(p.id, List.of())))
                .toList();
    }
}
