package org.innoreg.projects.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.innoreg.chassis.validation.RegionCodes;
import org.innoreg.projects.domain.Milestone;
import org.innoreg.projects.domain.Obstacle;
import org.innoreg.projects.domain.ReviewCadence;
import org.innoreg.projects.mapping.ProgressViews;

/**
 * The lists across all projects a bureau watches their progress by: overdue reviews, late
 * milestones, open obstacles.
 */
@ApplicationScoped
public class ProgressWatchlists {

    private final EntityManager entityManager;

    ProgressWatchlists(EntityManager entityManager) {
        this.entityManager = entityManager;
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

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
