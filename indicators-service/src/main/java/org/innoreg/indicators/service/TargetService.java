package org.innoreg.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.regions.KnownRegions;
import org.innoreg.chassis.write.WritePipeline;
import org.innoreg.indicators.domain.Frequency;
import org.innoreg.indicators.domain.Target;
import org.innoreg.indicators.mapping.TargetInput;
import org.innoreg.indicators.publishing.TargetEvents;

/**
 * Plan targets: reading them, and creating them with what Bean Validation cannot check. Their
 * progress: {@link TargetProgressService}.
 */
@ApplicationScoped
public class TargetService {

    private final IndicatorService indicators;
    private final EntityManager entityManager;
    private final TargetEvents events;
    private final WritePipeline writes;
    private final KnownRegions regions;

    TargetService(
            IndicatorService indicators,
            EntityManager entityManager,
            TargetEvents events,
            WritePipeline writes,
            KnownRegions regions) {
        this.writes = writes;
        this.regions = regions;
        this.indicators = indicators;
        this.entityManager = entityManager;
        this.events = events;
    }

    public Target get(UUID id) {
        Target target = entityManager.find(Target.class, id);
        if (target == null) {
            throw ProblemException.notFound("target", id);
        }
        return target;
    }

    /**
     * Targets of one region (or all when null) last changed at or after {@code changedSince} (any
     * when null).
     */
    public List<Target> list(String region, java.time.OffsetDateTime changedSince) {
        String where =
                (region == null ? "" : " and regionCode = :region")
                        + (changedSince == null ? "" : " and updatedAt >= :changedSince");
        var query =
                entityManager.createQuery(
                        "from Target where 1 = 1"
                                + where
                                + " order by regionCode, indicatorCode, targetPeriod",
                        Target.class);
        if (region != null) {
            query.setParameter("region", region);
        }
        if (changedSince != null) {
            query.setParameter("changedSince", changedSince);
        }
        return query.getResultList();
    }

    /** Targets of one region, or of all when {@code region} is null. */
    public List<Target> ofRegion(String region) {
        String order = " order by regionCode, indicatorCode, targetPeriod";
        return region == null
                ? entityManager.createQuery("from Target" + order, Target.class).getResultList()
                : entityManager
                        .createQuery("from Target where regionCode = ?1" + order, Target.class)
                        .setParameter(1, region)
                        .getResultList();
    }

    @Transactional
    public Target create(TargetInput input) {
        return writes.create(events, newTarget(input), target -> check(input));
    }

    /**
     * What Bean Validation cannot see about a target: the indicator, its kind's fields, no
     * duplicate.
     */
    private void check(TargetInput input) {
        var indicator = indicators.get(input.indicator());
        List<Problem.FieldError> errors =
                new java.util.ArrayList<>(regions.fieldErrors("region", input.region()));
        if (indicator.frequency != Frequency.ANNUAL) {
            errors.add(new Problem.FieldError("indicator", Messages.text("target.annual-only")));
        }
        if (input.kind() == Target.Kind.CUMULATIVE && input.spanFrom() == null) {
            errors.add(new Problem.FieldError("spanFrom", Messages.text("target.span-required")));
        }
        if (input.kind() != Target.Kind.CUMULATIVE && input.spanFrom() != null) {
            errors.add(new Problem.FieldError("spanFrom", Messages.text("target.span-only")));
        }
        if (input.kind() == Target.Kind.ANNUAL_GROWTH && input.baselinePeriod() == null) {
            errors.add(
                    new Problem.FieldError(
                            "baselinePeriod", Messages.text("target.growth-baseline")));
        }
        if (input.baselineValue() != null && input.baselinePeriod() == null) {
            errors.add(
                    new Problem.FieldError(
                            "baselinePeriod", Messages.text("target.baseline-year")));
        }
        if (input.baselinePeriod() != null
                && input.baselinePeriod().compareTo(input.targetPeriod()) >= 0) {
            errors.add(
                    new Problem.FieldError(
                            "baselinePeriod", Messages.text("field.before", "targetPeriod")));
        }
        if (input.spanFrom() != null && input.spanFrom().compareTo(input.targetPeriod()) > 0) {
            errors.add(
                    new Problem.FieldError(
                            "spanFrom", Messages.text("field.not-after", "targetPeriod")));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(errors);
        }
        // Two creates of one target pass the count below together unless they take turns: the lock
        // (PostgreSQL's, on the target's natural key, held to the end of the transaction) makes the
        // second wait for the first to commit, and its count then sees the first.
        entityManager
                .createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(
                        1,
                        String.join(
                                "\n",
                                "target",
                                input.indicator(),
                                input.region(),
                                input.plan().strip(),
                                input.kind().name(),
                                input.targetPeriod()))
                .getSingleResult();
        long same =
                entityManager
                        .createQuery(
                                "select count(*) from Target where indicatorCode = ?1 and regionCode = ?2"
                                        + " and plan = ?3 and kind = ?4 and targetPeriod = ?5",
                                Long.class)
                        .setParameter(1, input.indicator())
                        .setParameter(2, input.region())
                        .setParameter(3, input.plan().strip())
                        .setParameter(4, input.kind())
                        .setParameter(5, input.targetPeriod())
                        .getSingleResult();
        if (same > 0) {
            throw ProblemException.conflict(
                    "duplicate",
                    Messages.text(
                            "target.duplicate",
                            input.kind(),
                            input.indicator(),
                            input.region(),
                            input.targetPeriod()));
        }
    }

    private static Target newTarget(TargetInput input) {
        Target target = new Target();
        target.id = UUID.randomUUID();
        target.indicatorCode = input.indicator();
        target.regionCode = input.region();
        target.kind = input.kind();
        target.comparison =
                input.comparison() == null ? Target.Comparison.AT_LEAST : input.comparison();
        target.targetValue = input.targetValue();
        target.targetPeriod = input.targetPeriod();
        target.baselinePeriod = input.baselinePeriod();
        target.baselineValue = input.baselineValue();
        target.spanFrom = input.spanFrom();
        target.plan = input.plan().strip();
        target.description = input.description();
        return target;
    }
}
