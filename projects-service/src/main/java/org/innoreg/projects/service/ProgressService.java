package org.innoreg.projects.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.validation.RegionCodes;
import org.innoreg.chassis.write.ExpectedVersion;
import org.innoreg.chassis.write.WritePipeline;
import org.innoreg.projects.domain.InvestmentReport;
import org.innoreg.projects.domain.InvestmentRules;
import org.innoreg.projects.domain.Milestone;
import org.innoreg.projects.domain.Obstacle;
import org.innoreg.projects.domain.Project;
import org.innoreg.projects.domain.Review;
import org.innoreg.projects.domain.ReviewCadence;
import org.innoreg.projects.events.ProjectEvents;
import org.innoreg.projects.mapping.MilestoneInput;
import org.innoreg.projects.mapping.ObstacleInput;
import org.innoreg.projects.mapping.ProgressViews;
import org.innoreg.projects.mapping.ReportInput;
import org.innoreg.projects.mapping.ResolutionInput;
import org.innoreg.projects.mapping.ReviewInput;

/**
 * What is recorded about a project as it advances: monthly investment reports, supervision reviews,
 * milestones and obstacles. Each is a child record of the project aggregate and a typed event of
 * it.
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
        return entityManager
                .createQuery(
                        "from InvestmentReport where projectId = ?1 order by month",
                        InvestmentReport.class)
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
                    if (month.isAfter(YearMonth.now())) {
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
        return entityManager
                .createQuery(
                        "from Review where projectId = ?1 order by reviewedOn, id", Review.class)
                .setParameter(1, projectId)
                .getResultList();
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

    /**
     * Projects under supervision (a cadence, not yet in production or cancelled) whose last review
     * on or before {@code asOf} — or, never reviewed, their entry into the current stage — is older
     * than the cadence allows, most overdue first; of a region and its descendants, or all when
     * {@code region} is null.
     */
    @SuppressWarnings("unchecked")
    public List<ProgressViews.Overdue> overdue(LocalDate asOf, String region) {
        var query =
                entityManager
                        .createNativeQuery(
                                """
                SELECT p.id, p.name, p.region_code, p.responsible_official, p.review_cadence, p.stage_since,
                       (SELECT max(r.reviewed_on) FROM project_review r WHERE r.project_id = p.id AND r.reviewed_on <= :asOf)
                  FROM project p
                 WHERE p.review_cadence IS NOT NULL AND p.stage NOT IN ('IN_PRODUCTION', 'CANCELLED')
                   AND p.stage_since <= :asOf
                """
                                        + (region == null ? "" : " AND p.region_code LIKE :region"))
                        .setParameter("asOf", asOf);
        if (region != null) {
            query.setParameter("region", RegionCodes.descendantPrefix(region) + "%");
        }
        List<Object[]> rows = query.getResultList();
        List<ProgressViews.Overdue> overdue = new ArrayList<>();
        for (Object[] row : rows) {
            ReviewCadence cadence = ReviewCadence.valueOf((String) row[4]);
            LocalDate last = date(row[6]);
            LocalDate due = cadence.nextDue(last != null ? last : date(row[5]));
            if (due.isBefore(asOf)) {
                overdue.add(
                        new ProgressViews.Overdue(
                                (UUID) row[0],
                                (String) row[1],
                                (String) row[2],
                                (String) row[3],
                                cadence,
                                last,
                                due,
                                ChronoUnit.DAYS.between(due, asOf)));
            }
        }
        overdue.sort((a, b) -> Long.compare(b.daysOverdue(), a.daysOverdue()));
        return overdue;
    }

    public List<Milestone> milestones(UUID projectId) {
        projects.get(projectId);
        return entityManager
                .createQuery(
                        "from Milestone where projectId = ?1 order by plannedOn, id",
                        Milestone.class)
                .setParameter(1, projectId)
                .getResultList();
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

    /**
     * Milestones of all projects (of a region and its descendants, unless null) not met by their
     * planned date, as of a day: the late ones.
     */
    public List<Milestone> lateMilestones(LocalDate asOf, String region) {
        var query =
                entityManager
                        .createQuery(
                                "from Milestone where plannedOn < :asOf and (actualOn is null or actualOn > :asOf)"
                                        + inRegion(region)
                                        + " order by plannedOn, id",
                                Milestone.class)
                        .setParameter("asOf", asOf);
        if (region != null) {
            query.setParameter("region", RegionCodes.descendantPrefix(region) + "%");
        }
        return query.getResultList();
    }

    /**
     * The condition on a child record's project region (descendants included) for the cross-project
     * reports.
     */
    private static String inRegion(String region) {
        return region == null
                ? ""
                : " and projectId in (select p.id from Project p where p.regionCode like :region)";
    }

    public List<Obstacle> obstacles(UUID projectId) {
        projects.get(projectId);
        return entityManager
                .createQuery(
                        "from Obstacle where projectId = ?1 order by raisedOn, id", Obstacle.class)
                .setParameter(1, projectId)
                .getResultList();
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

    /**
     * Obstacles open on a day (raised by then, not resolved by then), of a department, at least so
     * old, of the projects of a region and its descendants (each null: any).
     */
    public List<Obstacle> openObstacles(
            LocalDate asOf, String department, int minAgeDays, String region) {
        String byDepartment = department == null ? "" : " and department = :department";
        var query =
                entityManager
                        .createQuery(
                                "from Obstacle where raisedOn <= :oldest and (resolvedOn is null or resolvedOn > :asOf)"
                                        + byDepartment
                                        + inRegion(region)
                                        + " order by raisedOn, id",
                                Obstacle.class)
                        .setParameter("oldest", asOf.minusDays(minAgeDays))
                        .setParameter("asOf", asOf);
        if (department != null) {
            query.setParameter("department", department);
        }
        if (region != null) {
            query.setParameter("region", RegionCodes.descendantPrefix(region) + "%");
        }
        return query.getResultList();
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
    private <T> T change(UUID projectId, String action, Function<Project, T> change) {
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

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    private static InvestmentReport.Key key(UUID projectId, LocalDate month) {
        InvestmentReport.Key key = new InvestmentReport.Key();
        key.projectId = projectId;
        key.month = month;
        return key;
    }
}
