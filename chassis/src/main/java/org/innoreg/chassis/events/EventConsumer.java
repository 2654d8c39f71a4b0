package org.innoreg.chassis.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Feeds the service's {@link EventHandler}s from Kafka. Each event is applied in its own
 * transaction that also inserts its id into {@code consumed_event}; an id already there means a
 * redelivery, and nothing is applied again. Offsets are committed after the transactions, so a
 * crash re-reads events that the inbox then recognises. A handler failure rolls back, waits, and
 * retries the same event, so nothing is skipped and per-partition order holds.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final EventsConfig config;
    private final Instance<EventHandler> handlers;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final MeterRegistry meters;
    private Counter applied;
    private Counter duplicates;
    private Counter rejected;

    private final List<EventHandler> active = new ArrayList<>();
    private final Map<String, List<EventHandler>> handlersByTopic =
            new HashMap<>(); // topic → handlers, filled as topics appear
    private volatile boolean running;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    EventConsumer(
            EventsConfig config,
            @Any Instance<EventHandler> handlers,
            EntityManager entityManager,
            ObjectMapper json,
            MeterRegistry meters) {
        this.config = config;
        this.handlers = handlers;
        this.entityManager = entityManager;
        this.json = json;
        this.meters = meters;
    }

    void start(@Observes StartupEvent startup) {
        handlers.forEach(active::add);
        if (active.isEmpty() || !config.consumer().enabled()) {
            return;
        }
        applied =
                Counter.builder("innoreg.events.consumed")
                        .tag("outcome", "applied")
                        .register(meters);
        duplicates =
                Counter.builder("innoreg.events.consumed")
                        .tag("outcome", "duplicate")
                        .register(meters);
        rejected =
                Counter.builder("innoreg.events.consumed")
                        .tag("outcome", "rejected")
                        .register(meters);
        Pattern subscription =
                Pattern.compile(
                        active.stream()
                                .map(h -> "(?:" + h.topics().pattern() + ")")
                                .collect(Collectors.joining("|")));
        Map<String, Object> settings =
                new HashMap<>(
                        Map.of(
                                ConsumerConfig.GROUP_ID_CONFIG,
                                config.consumer().groupId().orElse(config.service() + "-service"),
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest",
                                ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                                500,
                                // Pattern subscriptions see topics created later at the next
                                // metadata refresh.
                                ConsumerConfig.METADATA_MAX_AGE_CONFIG,
                                5_000,
                                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG,
                                (int) config.consumer().sessionTimeout().toMillis(),
                                ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG,
                                (int) config.consumer().sessionTimeout().toMillis() / 3));
        config.consumer()
                .instanceId()
                .ifPresent(id -> settings.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, id));
        consumer = KafkaClients.eventConsumer(config, "event-consumer", settings);
        consumer.subscribe(subscription);
        running = true;
        thread = new Thread(this::run, "event-consumer");
        thread.setDaemon(true);
        thread.start();
        LOG.infof("consuming topics matching %s", subscription);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
        try {
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                boolean failed = false;
                for (ConsumerRecord<String, byte[]> record : records) {
                    TopicPartition partition =
                            new TopicPartition(record.topic(), record.partition());
                    try {
                        process(record);
                        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                        backoff.reset();
                    } catch (RuntimeException e) {
                        LOG.warnf(
                                "event at %s-%d@%d not applied (%s); retrying in %d ms",
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                e.toString(),
                                backoff.current().toMillis());
                        // Rewind every partition of this poll to its first unapplied record.
                        rewind(records, done);
                        failed = true;
                        break;
                    }
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
                if (failed) {
                    backoff.sleep();
                }
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("event consumer stopped", e);
        } finally {
            // Leave the group even as a static member (which otherwise keeps its partitions until
            // the
            // session times out): a replica that is stopped, not restarted, hands them over at
            // once.
            consumer.close(
                    CloseOptions.groupMembershipOperation(
                                    CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                            .withTimeout(Duration.ofSeconds(5)));
        }
    }

    private void rewind(
            ConsumerRecords<String, byte[]> records, Map<TopicPartition, OffsetAndMetadata> done) {
        for (TopicPartition partition : records.partitions()) {
            OffsetAndMetadata applied = done.get(partition);
            long first = records.records(partition).get(0).offset();
            consumer.seek(partition, applied != null ? applied.offset() : first);
        }
    }

    private void process(ConsumerRecord<String, byte[]> record) {
        Optional<ReceivedEvent> received = ReceivedEvent.read(record, json);
        if (received.isEmpty()) {
            rejected.increment();
            return;
        }
        ReceivedEvent event = received.get();
        List<EventHandler> targets =
                handlersByTopic.computeIfAbsent(
                        record.topic(),
                        topic ->
                                active.stream()
                                        .filter(
                                                handler ->
                                                        handler.topics().matcher(topic).matches())
                                        .toList());
        boolean fresh =
                QuarkusTransaction.requiringNew()
                        .call(
                                () -> {
                                    int inserted =
                                            entityManager
                                                    .createNativeQuery(
                                                            """
                    INSERT INTO consumed_event (event_id, topic, partition, kafka_offset)
                    VALUES (?1, ?2, ?3, ?4) ON CONFLICT (event_id) DO NOTHING
                    """)
                                                    .setParameter(1, event.id())
                                                    .setParameter(2, event.topic())
                                                    .setParameter(3, event.partition())
                                                    .setParameter(4, event.offset())
                                                    .executeUpdate();
                                    if (inserted == 0) {
                                        return false;
                                    }
                                    for (EventHandler handler : targets) {
                                        handler.apply(event);
                                    }
                                    return true;
                                });
        (fresh ? applied : duplicates).increment();
    }
}
