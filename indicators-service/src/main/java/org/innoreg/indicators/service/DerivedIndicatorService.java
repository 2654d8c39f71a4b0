package org.innoreg.indicators.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innoreg.chassis.events.ReceivedEvent;
import org.innoreg.chassis.validation.BureauCalendar;
import org.innoreg.indicators.domain.Contribution;
import org.innoreg.indicators.mapping.RebuildReport;
import org.innoreg.indicators.repository.DerivedTotalRepository;
import org.jboss.logging.Logger;

/**
 * Keeps derived indicators in step with the other services' events. Each source record (a platform,
 * a project) remembers what it contributed and the sequence of the event that said so; a new event
 * replaces those contributions, moving the running totals by the difference and writing the cells
 * that moved as observations (a revision each time a value changes; a cell that falls to 0 is
 * revised to 0). An event whose sequence is not newer than the one applied — a duplicate, or an
 * older state arriving late — changes nothing; a delete (the next sequence) withdraws every
 * contribution and keeps the sequence, so older events arriving after it change nothing either.
 *
 * <p>Contributions are dated by the records' own dates, by year, and often open-ended ("from 2019
 * on"). Cells are kept up to a <em>horizon</em>: the current year in Beijing, stored in {@code
 * derived_state}. When the year turns, {@link #rollForward} adds the new year's cells from the
 * open-ended contributions; it runs before the first event of the new year, 5 s after startup,
 * every 10 minutes and at 00:00:05 Beijing time, so the current year is right without any new
 * event. Everything — live events, rebuild, roll-forward — works to the stored horizon, under one
 * lock, so the totals always equal the sum of the sources' contributions up to it.
 *
 * <p>A derived cell nobody ever counted anything in is not stored: it reads as 0 (computed sums and
 * target progress treat it so). A cell that had a value and lost it is stored as 0.
 *
 * <p>Derived observations are a read model of events already on Kafka: they are not re-published as
 * observation events.
 */
@ApplicationScoped
public class DerivedIndicatorService {

    private static final Logger LOG = Logger.getLogger(DerivedIndicatorService.class);
    private static final int REBUILD_TIMEOUT_SECONDS = 3600;

    private final DerivedTotalRepository totals;
    private final DerivedObservations observations;
    private final DerivedTopicReplay topics;

    DerivedIndicatorService(
            DerivedTotalRepository totals,
            DerivedObservations observations,
            DerivedTopicReplay topics) {
        this.totals = totals;
        this.observations = observations;
        this.topics = topics;
    }

    /** The current year in Beijing: the last year derived cells are kept for. */
    public static int currentYear() {
        return Year.now(BureauCalendar.ZONE).getValue();
    }

    /** Applies one event inside the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ReceivedEvent event, List<Contribution> contributions) {
        totals.lock();
        int horizon = horizon(currentYear());
        apply(event, contributions, horizon, true);
    }

    /**
     * Recomputes every derived indicator from the beginning of its topics: each record's newest
     * state is found again, the running totals are summed from scratch, then each derived cell
     * whose value differs is revised (a count nothing backs any more goes to 0). Live events wait
     * for it and then continue; one the rebuild already read is recognised by its sequence.
     */
    @Transactional
    @TransactionConfiguration(timeout = REBUILD_TIMEOUT_SECONDS)
    public RebuildReport rebuild() {
        return rebuildNow();
    }

    private RebuildReport rebuildNow() {
        long started = System.nanoTime();
        totals.lock();
        // the horizon never moves back: cells already written for a year stay comparable
        int horizon = Math.max(totals.state().horizon(), currentYear());
        totals.clear();
        long read =
                topics.replay(
                        (event, contributions) -> apply(event, contributions, horizon, false));
        totals.totalsFromSources(horizon);
        List<DerivedObservations.DerivedCell> cells = new ArrayList<>();
        for (DerivedTotalRepository.Total total : totals.totals()) {
            Contribution.Key key = total.key();
            cells.add(
                    new DerivedObservations.DerivedCell(
                            key.indicator(), key.region(), key.period(), total.value()));
        }
        for (Contribution.Key stale : totals.unbackedObservations()) {
            cells.add(
                    new DerivedObservations.DerivedCell(
                            stale.indicator(), stale.region(), stale.period(), BigDecimal.ZERO));
        }
        int changed = 0;
        for (int from = 0; from < cells.size(); from += 1000) {
            changed +=
                    observations.writeDerived(
                            cells.subList(from, Math.min(cells.size(), from + 1000)));
        }
        totals.setState(new DerivedTotalRepository.State(horizon, false));
        long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
        LOG.infof(
                "derived indicators rebuilt from %d events up to %d: %d cells changed in %d ms",
                read, horizon, changed, took);
        return new RebuildReport(read, changed, took);
    }

    /**
     * Moves the horizon forward to {@code year} (nothing if it is there already): the years it
     * passes get their cells from the contributions that cover them — a platform in force "from
     * 2019 on" now counts in the new year too.
     *
     * @return how many cells were written
     */
    @Transactional
    public int rollForward(int year) {
        totals.lock();
        DerivedTotalRepository.State state = totals.state();
        return state.horizon() >= year ? 0 : moveHorizon(state, year);
    }

    /** The stored horizon, first moved forward to {@code year} if it is behind; under the lock. */
    private int horizon(int year) {
        DerivedTotalRepository.State state = totals.state();
        if (state.horizon() >= year) {
            return state.horizon();
        }
        moveHorizon(state, year);
        return year;
    }

    private int moveHorizon(DerivedTotalRepository.State state, int year) {
        Map<Contribution.Key, BigDecimal> reached =
                totals.addAll(totals.contributionsToYears(state.horizon(), year));
        int written = observations.writeDerived(cells(reached));
        totals.setState(new DerivedTotalRepository.State(year, state.rebuildNeeded()));
        LOG.infof(
                "derived indicators rolled forward from %d to %d: %d cells written",
                state.horizon(), year, written);
        return written;
    }

    /**
     * The daily and startup upkeep: a rebuild when one is owed (after an upgrade that changed how
     * contributions are kept; retried until Kafka can be read), else the roll-forward to the
     * current year.
     */
    @Scheduled(
            identity = "derived-indicators-upkeep",
            every = "10m",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Scheduled(
            identity = "derived-indicators-new-year",
            cron = "5 0 0 * * ?",
            timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void upkeep() {
        try {
            boolean owed =
                    QuarkusTransaction.requiringNew().call(() -> totals.state().rebuildNeeded());
            if (owed) {
                LOG.info(
                        "derived indicators are kept in an older form: rebuilding them from the topics");
                QuarkusTransaction.requiringNew()
                        .timeout(REBUILD_TIMEOUT_SECONDS)
                        .call(this::rebuildNow);
            } else {
                QuarkusTransaction.requiringNew()
                        .run(
                                () -> {
                                    totals.lock();
                                    horizon(currentYear());
                                });
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "derived indicators' upkeep failed (%s); it runs again in 10 minutes",
                    e.toString());
        }
    }

    private void apply(
            ReceivedEvent event, List<Contribution> now, int horizon, boolean writeCells) {
        String sourceId = event.topic() + "/" + event.subject();
        var previous = totals.findSource(sourceId);
        long sequence = event.sequence() == null ? 0 : event.sequence();
        if (previous.isPresent()
                && event.sequence() != null
                && sequence <= previous.get().sequence()) {
            LOG.debugf(
                    "ignoring %s of %s: sequence %d, already applied %d",
                    event.type(), event.subject(), sequence, previous.get().sequence());
            return;
        }
        totals.saveSource(sourceId, sequence, now);
        if (!writeCells) {
            return; // a rebuild sums the totals from the sources once it has read them all
        }
        Map<Contribution.Key, BigDecimal> delta = new LinkedHashMap<>();
        previous.ifPresent(
                p ->
                        p.contributions()
                                .forEach(
                                        c ->
                                                c.cells(horizon)
                                                        .forEach(
                                                                cell ->
                                                                        delta.merge(
                                                                                cell,
                                                                                c.amount().negate(),
                                                                                BigDecimal::add))));
        now.forEach(
                c ->
                        c.cells(horizon)
                                .forEach(cell -> delta.merge(cell, c.amount(), BigDecimal::add)));
        delta.values()
                .removeIf(moved -> moved.signum() == 0); // a cell that did not move is left alone
        observations.writeDerived(cells(totals.addAll(delta)));
    }

    private static List<DerivedObservations.DerivedCell> cells(
            Map<Contribution.Key, BigDecimal> reached) {
        return reached.entrySet().stream()
                .map(
                        total ->
                                new DerivedObservations.DerivedCell(
                                        total.getKey().indicator(),
                                        total.getKey().region(),
                                        total.getKey().period(),
                                        total.getValue()))
                .toList();
    }
}
