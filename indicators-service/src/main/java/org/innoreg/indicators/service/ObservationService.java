package org.innoreg.indicators.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.web.Preconditions;
import org.innoreg.indicators.domain.Frequency;
import org.innoreg.indicators.domain.Indicator;
import org.innoreg.indicators.domain.IndicatorKind;
import org.innoreg.indicators.domain.Observation;
import org.innoreg.indicators.domain.ObservationRevision;
import org.innoreg.indicators.domain.ObservationStatus;
import org.innoreg.indicators.events.ObservationEvents;
import org.innoreg.indicators.mapping.ObservationInput;
import org.innoreg.indicators.mapping.ObservationView;

/**
 * Reported values of indicators. A new value for a cell is a revision: the old one is kept, so series
 * can be read as they were known on any date.
 */
@ApplicationScoped
public class ObservationService {

    /** What a write did to the cell. */
    public enum Outcome {
        RECORDED,
        REVISED,
        UNCHANGED
    }

    public record Written(Observation observation, Outcome outcome) {
    }

    private final IndicatorService indicators;
    private final EntityManager entityManager;
    private final ObservationEvents events;

    ObservationService(IndicatorService indicators, EntityManager entityManager, ObservationEvents events) {
        this.indicators = indicators;
        this.entityManager = entityManager;
        this.events = events;
    }

    public Observation get(String code, String region, String period) {
        indicators.get(code);
        Observation observation = entityManager.find(Observation.class, new Observation.Cell(code, region, period));
        if (observation == null) {
            throw ProblemException.notFound("observation", code + "/" + region + "/" + period);
        }
        return observation;
    }

    /**
     * Records or revises a cell. A revision needs If-Match with the cell's ETag; an identical value
     * changes nothing. Derived and computed indicators are not written by hand (409).
     */
    @Transactional
    public Written put(String code, String region, String period, String ifMatch, ObservationInput input) {
        Indicator indicator = indicators.get(code);
        if (indicator.kind != IndicatorKind.REPORTED) {
            throw ProblemException.conflict("not-reported", code + " is a " + indicator.kind
                    + " indicator: its values come from " + (indicator.kind == IndicatorKind.DERIVED ? "events" : "its parts"));
        }
        if (!fits(period, indicator.frequency)) {
            throw ProblemException.unprocessable("period", code + " is " + indicator.frequency + ": periods look like "
                    + switch (indicator.frequency) {
                        case ANNUAL -> "2018";
                        case QUARTERLY -> "2018-Q3";
                        case MONTHLY -> "2018-07";
                    });
        }
        ObservationStatus status = input.status() == null ? ObservationStatus.PROVISIONAL : input.status();
        Observation observation = entityManager.find(Observation.class, new Observation.Cell(code, region, period));
        if (observation == null) {
            observation = new Observation();
            observation.indicatorCode = code;
            observation.regionCode = region;
            observation.period = period;
            apply(observation, input, status);
            entityManager.persist(observation);
            entityManager.flush();
            entityManager.persist(ObservationRevision.of(observation));
            events.recorded(observation);
            return new Written(observation, Outcome.RECORDED);
        }
        Preconditions.checkIfMatch(ifMatch, observation.version);
        if (observation.value.compareTo(input.value()) == 0 && observation.status == status
                && Objects.equals(observation.source, input.source()) && Objects.equals(observation.note, input.note())) {
            return new Written(observation, Outcome.UNCHANGED);
        }
        apply(observation, input, status);
        entityManager.flush();
        entityManager.persist(ObservationRevision.of(observation));
        events.revised(observation);
        return new Written(observation, Outcome.REVISED);
    }

    public List<ObservationRevision> revisions(String code, String region, String period) {
        get(code, region, period);
        return entityManager.createQuery("""
                from ObservationRevision where indicatorCode = ?1 and regionCode = ?2 and period = ?3 order by recordedAt, id
                """, ObservationRevision.class).setParameter(1, code).setParameter(2, region).setParameter(3, period)
                .getResultList();
    }

    /**
     * A series in period order: each cell's latest value recorded at or before {@code asOf} (now if null),
     * for one region or all, within [from, to], and only cells changed after {@code changedSince}.
     */
    @SuppressWarnings("unchecked")
    public List<ObservationView> series(String code, String region, String from, String to, OffsetDateTime asOf,
            OffsetDateTime changedSince) {
        indicators.get(code);
        StringBuilder sql = new StringBuilder("""
                SELECT DISTINCT ON (region_code, period) * FROM observation_revision
                 WHERE indicator_code = :code AND recorded_at <= :asOf""");
        if (region != null) {
            sql.append(" AND region_code = :region");
        }
        if (from != null) {
            sql.append(" AND period >= :from");
        }
        if (to != null) {
            sql.append(" AND period <= :to");
        }
        sql.append(" ORDER BY region_code, period, recorded_at DESC, id DESC");
        var query = entityManager.createNativeQuery(sql.toString(), ObservationRevision.class)
                .setParameter("code", code)
                .setParameter("asOf", asOf == null ? OffsetDateTime.now() : asOf);
        if (region != null) {
            query.setParameter("region", region);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        return ((List<ObservationRevision>) query.getResultList()).stream()
                .filter(r -> changedSince == null || r.recordedAt.isAfter(changedSince))
                .map(ObservationView::of).toList();
    }

    private static void apply(Observation observation, ObservationInput input, ObservationStatus status) {
        observation.value = input.value();
        observation.status = status;
        observation.source = input.source();
        observation.note = input.note();
    }

    static boolean fits(String period, Frequency frequency) {
        return switch (frequency) {
            case ANNUAL -> period.matches("[12][0-9]{3}");
            case QUARTERLY -> period.matches("[12][0-9]{3}-Q[1-4]");
            case MONTHLY -> period.matches("[12][0-9]{3}-(0[1-9]|1[0-2])");
        };
    }
}
