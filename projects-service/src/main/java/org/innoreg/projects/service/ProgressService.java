package org.innoreg.projects.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.innoreg.chassis.events.EventAction;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.validation.BureauCalendar;
import org.innoreg.chassis.write.ExpectedVersion;
import org.innoreg.chassis.write.WritePipeline;
import org.innoreg.projects.domain.InvestmentReport;
import org.innoreg.projects.domain.InvestmentRules;
import org.innoreg.projects.domain.Milestone;
import org.innoreg.projects.domain.Obstacle;
import org.innoreg.projects.domain.Project;
import org.innoreg.projects.domain.Review;
import org.innoreg.projects.mapping.MilestoneInput;
import org.innoreg.projects.mapping.ObstacleInput;
import org.innoreg.projects.mapping.ReportInput;
import org.innoreg.projects.mapping.ResolutionInput;
import org.innoreg.projects.mapping.ReviewInput;
import org.innoreg.projects.publishing.ProjectEvents;

/**
 * What is recorded about a project as it advances: monthly investment reports, supervision reviews,
 * milestones and obstacles. Each is a child record of the project aggregate and a typed event of
 * it. The lists across projects: {@link ProgressWatchlists}.
 */
@ApplicationScoped
public class ProgressService {

    private final ProjectService projects;
    private final EntityManager entityManager;
    private final ProjectEvents events;
    private final WritePipeline writes;

    ProgressService(
            ProjectService projects,
            EntityManager entityManager,
            ProjectEvents events,
            WritePipeline writes) {
        this.writes = writes;
        this.projects = projects;
        this.entityManager = entityManager;
        this.events = events;
    }

    public List<InvestmentReport> reports(UUID projectId) {
        projects.get(projectId);
        return reportsOf(projectId);
    }

    private List<InvestmentReport> reportsOf(UUID projectId) {
        return rowsOf(projectId, InvestmentReport.class, "month");
    }

    /**
     * A project's rows of one kind (its reports, reviews, milestones, obstacles: each an entity
     * with a {@code projectId}), in this order.
     */
    private <T> List<T> rowsOf(UUID projectId, Class<T> type, String orderBy) {
        return entityManager
                .createQuery(
                        "from "
                                + type.getSimpleName()
                                + " where projectId = ?1 order by "
                                + orderBy,
                        type)
                .setParameter(1, projectId)
                .getResultList();
    }

    /**
     * Records a month's cumulative investment. A month is reported once; the cumulative figure can
     * only grow from month to month (a lower figure than an earlier month's, or a higher one than a
     * later month's, is refused).
     */
    @Transactional
    public Project report(UUID projectId, ReportInput input) {
        return change(
                projectId,
                ProjectEvents.INVESTMENT_REPORTED,
                project -> {
                    YearMonth month = YearMonth.parse(input.month());
                    if (month.isAfter(YearMonth.now(BureauCalendar.ZONE))) {
                        throw ProblemException.invalid("month", Messages.text("field.not-future"));
                    }
                    LocalDate first = month.atDay(1);
                    if (entityManager.find(InvestmentReport.class, key(projectId, first)) != null) {
                        throw ProblemException.conflict(
                                "already-reported",
                                Messages.text("project.already-reported", input.month()));
                    }
                    List<InvestmentReport> reported = reportsOf(projectId);
                    for (InvestmentReport other : reported) {
                        if (other.month.isBefore(first)
                                && input.cumulative().compareTo(other.cumulative) < 0) {
                            throw ProblemException.unprocessable(
                                    "cumulative",
                                    Messages.text(
                                            "project.cumulative-falls",
                                            YearMonth.from(other.month),
                                            other.cumulative.toPlainString()));
                        }
                        if (other.month.isAfter(first)
                                && input.cumulative().compareTo(other.cumulative) > 0) {
                            throw ProblemException.unprocessable(
                                    "cumulative",
                                    Messages.text(
                                            "project.cumulative-above-later",
                                            YearMonth.from(other.month),
                                            other.cumulative.toPlainString()));
                        }
                    }
                    String implausible =
                            projects.investmentRule(input.cumulative(), project.plannedInvestment);
                    if (implausible != null) {
                        throw ProblemException.implausible(
                                InvestmentRules.COMPLETED_ABOVE_PLANNED, "cumulative", implausible);
                    }
                    InvestmentReport report = new InvestmentReport();
                    report.projectId = projectId;
                    report.month = first;
                    report.cumulative = Project.yuan(input.cumulative());
                    report.note = input.note();
                    entityManager.persist(report);
                    if (reported.stream()
                            .noneMatch(
                                    other ->
                                            other.month.isAfter(
                                                    first))) { // the newest month gives the total
                        // so far
                        project.completedInvestment = report.cumulative;
                    }
                    return project;
                });
    }

    public List<Review> reviews(UUID projectId) {
        projects.get(projectId);
        return rowsOf(projectId, Review.class, "reviewedOn, id");
    }

    @Transactional
    public Project review(UUID projectId, ReviewInput input) {
        return change(
                projectId,
                ProjectEvents.REVIEWED,
                project -> {
                    Review review = new Review();
                    review.projectId = projectId;
                    review.reviewedOn = input.reviewedOn();
                    review.reviewer = input.reviewer().strip();
                    review.summary = input.summary();
                    entityManager.persist(review);
                    if (project.lastReviewedOn == null
                            || input.reviewedOn().isAfter(project.lastReviewedOn)) {
                        project.lastReviewedOn = input.reviewedOn();
                    }
                    return project;
                });
    }

    public List<Milestone> milestones(UUID projectId) {
        projects.get(projectId);
        return rowsOf(projectId, Milestone.class, "plannedOn, id");
    }

    @Transactional
    public Milestone addMilestone(UUID projectId, MilestoneInput input) {
        return change(
                projectId,
                ProjectEvents.MILESTONE_CHANGED,
                project -> {
                    Milestone milestone = new Milestone();
                    milestone.projectId = projectId;
                    apply(milestone, input);
                    entityManager.persist(milestone);
                    return milestone;
                });
    }

    @Transactional
    public Milestone updateMilestone(UUID projectId, long milestoneId, MilestoneInput input) {
        return change(
                projectId,
                ProjectEvents.MILESTONE_CHANGED,
                project -> {
                    Milestone milestone = entityManager.find(Milestone.class, milestoneId);
                    if (milestone == null || !milestone.projectId.equals(projectId)) {
                        throw ProblemException.notFound("milestone", milestoneId);
                    }
                    apply(milestone, input);
                    return milestone;
                });
    }

    public List<Obstacle> obstacles(UUID projectId) {
        projects.get(projectId);
        return rowsOf(projectId, Obstacle.class, "raisedOn, id");
    }

    @Transactional
    public Obstacle raise(UUID projectId, ObstacleInput input) {
        return change(
                projectId,
                ProjectEvents.OBSTACLE_CHANGED,
                project -> {
                    Obstacle obstacle = new Obstacle();
                    obstacle.projectId = projectId;
                    obstacle.problem = input.problem().strip();
                    obstacle.department = input.department().strip();
                    obstacle.raisedOn = input.raisedOn();
                    entityManager.persist(obstacle);
                    return obstacle;
                });
    }

    @Transactional
    public Obstacle resolve(UUID projectId, long obstacleId, ResolutionInput input) {
        return change(
                projectId,
                ProjectEvents.OBSTACLE_CHANGED,
                project -> {
                    Obstacle obstacle = entityManager.find(Obstacle.class, obstacleId);
                    if (obstacle == null || !obstacle.projectId.equals(projectId)) {
                        throw ProblemException.notFound("obstacle", obstacleId);
                    }
                    if (obstacle.resolvedOn != null) {
                        throw ProblemException.conflict(
                                "already-resolved",
                                Messages.text(
                                        "project.obstacle-resolved",
                                        obstacleId,
                                        obstacle.resolvedOn));
                    }
                    if (input.resolvedOn().isBefore(obstacle.raisedOn)) {
                        throw ProblemException.unprocessable(
                                "resolvedOn",
                                Messages.text("project.resolved-before-raised", obstacle.raisedOn));
                    }
                    obstacle.resolvedOn = input.resolvedOn();
                    obstacle.resolution = input.resolution();
                    return obstacle;
                });
    }

    private static void apply(Milestone milestone, MilestoneInput input) {
        milestone.title = input.title().strip();
        milestone.plannedOn = input.plannedOn();
        milestone.actualOn = input.actualOn();
    }

    /**
     * Changes a child record of the project through the write pipeline, as a typed change of the
     * project: the project's version moves (the child is part of its state) and its event is
     * recorded.
     */
    private <T> T change(UUID projectId, EventAction action, Function<Project, T> change) {
        AtomicReference<T> result = new AtomicReference<>();
        writes.change(
                events,
                projects.get(projectId),
                ExpectedVersion.unconditional(),
                action,
                project -> {
                    result.set(change.apply(project));
                    project.touch();
                });
        return result.get();
    }

    private static InvestmentReport.Key key(UUID projectId, LocalDate month) {
        InvestmentReport.Key key = new InvestmentReport.Key();
        key.projectId = projectId;
        key.month = month;
        return key;
    }
}
