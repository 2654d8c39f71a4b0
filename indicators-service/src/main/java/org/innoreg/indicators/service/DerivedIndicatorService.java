package org.innoreg.indicators.service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.innoreg.chassis.events.EventsConfig;
import org.innoreg.chassis.events.ReceivedEvent;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.indicators.domain.Contribution;
import org.innoreg.indicators.events.DerivedIndicatorHandler;
import org.innoreg.indicators.mapping.RebuildReport;
import org.innoreg.indicators.repository.DerivedTotalRepository;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Keeps derived indicators in step with the other services' events. Each source record (a platform, a
 * project) remembers what it contributed and the sequence of the event that said so; a new event replaces
 * those contributions, moving the running totals by the difference and writing the touched cells as
 * observations (a revision each time a value changes). An event whose sequence is not newer than the one
 * applied — a duplicate, or an older state arriving late — changes nothing.
 *
 * <p>Derived observations are a read model of events already on Kafka: they are not re-published as
 * observation events.
 */
@ApplicationScoped
public class DerivedIndicatorService {

    /** The bureaus' calendar: an event on 31 December 23:30 in Beijing belongs to that year. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static final Logger LOG = Logger.getLogger(DerivedIndicatorService.class);
    private static final Duration REBUILD_READ_LIMIT = Duration.ofMinutes(30);

    private final DerivedTotalRepository totals;
    private final ObservationService observations;
    private final Instance<DerivedIndicatorHandler> handlers;
    private final EventsConfig events;
    private final ObjectMapper json;

    DerivedIndicatorService(DerivedTotalRepository totals, ObservationService observations,
            @Any Instance<DerivedIndicatorHandler> handlers, EventsConfig events, ObjectMapper json) {
        this.totals = totals;
        this.observations = observations;
        this.handlers = handlers;
        this.events = events;
        this.json = json;
    }

    /** Applies one event inside the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(ReceivedEvent event, List<Contribution> contributions) {
        totals.lock();
        apply(event, contributions, true);
    }

    /**
     * Recomputes every derived indicator from the beginning of its topic: the running totals are rebuilt
     * from scratch, then each derived cell whose value differs is revised (a count nothing backs any more
     * goes to 0). Live events wait for it and then continue; one the rebuild already read is recognised by
     * its sequence.
     */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public RebuildReport rebuild() {
        long started = System.nanoTime();
        totals.lock();
        totals.clear();
        long read = replay();
        List<ObservationService.DerivedCell> cells = new ArrayList<>();
        for (DerivedTotalRepository.Total total : totals.totals()) {
            Contribution.Key key = total.key();
            String period = key.period().equals(Contribution.CURRENT) ? year(total.lastEventAt()) : key.period();
            cells.add(new ObservationService.DerivedCell(key.indicator(), key.region(), period, total.value()));
        }
        for (Contribution.Key stale : totals.unbackedObservations()) {
            cells.add(new ObservationService.DerivedCell(stale.indicator(), stale.region(), stale.period(), BigDecimal.ZERO));
        }
        int changed = 0;
        for (int from = 0; from < cells.size(); from += 1000) {
            changed += observations.writeDerived(cells.subList(from, Math.min(cells.size(), from + 1000)));
        }
        long took = Duration.ofNanos(System.nanoTime() - started).toMillis();
        LOG.infof("derived indicators rebuilt from %d events: %d cells changed in %d ms", read, changed, took);
        return new RebuildReport(read, changed, took);
    }

    private void apply(ReceivedEvent event, List<Contribution> now, boolean writeCells) {
        String sourceId = event.topic() + "/" + event.subject();
        var previous = totals.findSource(sourceId);
        long sequence = event.sequence() == null ? 0 : event.sequence();
        if (previous.isPresent() && event.sequence() != null && sequence <= previous.get().sequence()) {
            LOG.debugf("ignoring %s of %s: sequence %d, already applied %d", event.type(), event.subject(), sequence,
                    previous.get().sequence());
            return;
        }
        Map<Contribution.Key, BigDecimal> delta = new LinkedHashMap<>();
        previous.ifPresent(p -> p.contributions().forEach(c -> delta.merge(c.key(), c.amount().negate(), BigDecimal::add)));
        now.forEach(c -> delta.merge(c.key(), c.amount(), BigDecimal::add));
        totals.saveSource(sourceId, sequence, now);
        OffsetDateTime eventAt = event.time() == null ? OffsetDateTime.now() : event.time();
        // a dated cell that did not move is left alone
        delta.entrySet().removeIf(moved -> moved.getValue().signum() == 0 && !moved.getKey().period().equals(Contribution.CURRENT));
        Map<Contribution.Key, BigDecimal> reached = totals.addAll(delta, eventAt);
        if (writeCells) {
            // A current count is written (even unchanged) to the event's year: each year keeps its last count.
            observations.writeDerived(reached.entrySet().stream().map(total -> new ObservationService.DerivedCell(
                    total.getKey().indicator(), total.getKey().region(),
                    total.getKey().period().equals(Contribution.CURRENT) ? year(eventAt) : total.getKey().period(),
                    total.getValue())).toList());
        }
    }

    private long replay() {
        Map<String, DerivedIndicatorHandler> byTopic = new LinkedHashMap<>();
        handlers.forEach(h -> byTopic.put(h.topic(), h));
        long read = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, events.bootstrapServers(),
                ConsumerConfig.CLIENT_ID_CONFIG, events.service() + "-derived-rebuild",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : byTopic.keySet()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + REBUILD_READ_LIMIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("rebuild could not read its topics within " + REBUILD_READ_LIMIT);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    ReceivedEvent event;
                    try {
                        event = ReceivedEvent.parse(new String(record.value(), StandardCharsets.UTF_8), record.topic(), json);
                    } catch (RuntimeException notACloudEvent) {
                        LOG.errorf("rebuild skips %s-%d@%d: not a structured JSON CloudEvent", record.topic(),
                                record.partition(), record.offset());
                        continue;
                    }
                    DerivedIndicatorHandler handler = byTopic.get(record.topic());
                    apply(event, handler.contributions(event), false);
                    read++;
                }
            }
        } catch (KafkaException e) {
            throw new ProblemException(503, "kafka-unavailable", "Kafka is unavailable",
                    "the derived indicators' topics could not be read (" + e.getMessage() + "); nothing was changed", null);
        }
        return read;
    }

    static String year(OffsetDateTime time) {
        return String.valueOf(time.atZoneSameInstant(ZONE).getYear());
    }
}
