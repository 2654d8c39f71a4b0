package org.innoreg.chassis.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.innoreg.chassis.events.OutboxRows.PendingEvent;
import org.jboss.logging.Logger;

/**
 * The relay's Kafka side: sends outbox rows as structured-JSON CloudEvents keyed by aggregate id,
 * in outbox order, with an idempotent producer and acks=all, creating a topic (and waiting for its
 * partitions' leaders) before its first event.
 */
final class OutboxPublisher {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** What a send did: the rows Kafka acknowledged, in order, and the failure that stopped it. */
    record Sent(List<UUID> acknowledged, Exception failure) {}

    private final EventsConfig config;
    private final Set<String> knownTopics = new HashSet<>();
    private Producer<String, byte[]> producer;

    OutboxPublisher(EventsConfig config) {
        this.config = config;
    }

    /**
     * Sends the rows and waits for Kafka's acknowledgements; stops at the first row that fails, so
     * that no later row overtakes it.
     */
    Sent send(List<PendingEvent> pending) throws Exception {
        ensureTopics(pending);
        Producer<String, byte[]> kafka = producer();
        List<Future<?>> acks = new ArrayList<>(pending.size());
        for (PendingEvent event : pending) {
            ProducerRecord<String, byte[]> record =
                    new ProducerRecord<>(
                            event.topic(),
                            event.aggregateId(),
                            CloudEventCodec.serialize(event.toCloudEvent(config.source())));
            record.headers().add("content-type", CloudEventCodec.CONTENT_TYPE.getBytes());
            Future<?> ack = kafka.send(record);
            acks.add(ack);
            if (failedAlready(ack)) {
                // Kafka is away (no metadata within max.block.ms): sending the rest would let later
                // rows overtake this one, and be sent again with it on the next attempt.
                break;
            }
        }
        kafka.flush();
        List<UUID> acknowledged = new ArrayList<>(pending.size());
        Exception failure = null;
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(30, TimeUnit.SECONDS);
                acknowledged.add(pending.get(i).id());
            } catch (Exception e) {
                failure = e;
                break; // keep order: what follows a failed row is sent again after it
            }
        }
        return new Sent(acknowledged, failure);
    }

    private static boolean failedAlready(Future<?> ack) throws InterruptedException {
        if (!ack.isDone()) {
            return false;
        }
        try {
            ack.get();
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    /** Creates the service's topics with the suite's partition count before their first event. */
    private void ensureTopics(List<PendingEvent> pending) throws Exception {
        List<String> missing =
                pending.stream()
                        .map(PendingEvent::topic)
                        .distinct()
                        .filter(topic -> !knownTopics.contains(topic))
                        .toList();
        if (missing.isEmpty()) {
            return;
        }
        try (Admin admin =
                Admin.create(
                        KafkaClients.withSecurity(
                                Map.of("bootstrap.servers", config.bootstrapServers())))) {
            TopicProvisioner.create(
                    admin,
                    missing,
                    config.relay().topicPartitions(),
                    config.relay().topicReplication());
            awaitLeaders(admin, missing);
            knownTopics.addAll(missing);
        }
    }

    /**
     * A new topic's partitions are led only a moment after it is created: a send before that fails
     * with NOT_LEADER_OR_FOLLOWER and the idempotent producer then stalled on out-of-order
     * sequences until its delivery timeout (20 s seen in the system tests). Wait for every
     * partition's leader first.
     */
    private static void awaitLeaders(Admin admin, List<String> topics) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            boolean led =
                    admin
                            .describeTopics(topics)
                            .allTopicNames()
                            .get(10, TimeUnit.SECONDS)
                            .values()
                            .stream()
                            .flatMap(description -> description.partitions().stream())
                            .allMatch(
                                    partition ->
                                            partition.leader() != null
                                                    && !partition.leader().isEmpty());
            if (led) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the partitions of " + topics + " have no leader after 30 s");
            }
            Thread.sleep(100);
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            producer =
                    new KafkaProducer<>(
                            KafkaClients.withSecurity(
                                    Map.of(
                                            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                            config.bootstrapServers(),
                                            ProducerConfig.CLIENT_ID_CONFIG,
                                            config.service() + "-outbox-relay",
                                            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                                            true,
                                            ProducerConfig.ACKS_CONFIG,
                                            "all",
                                            ProducerConfig.LINGER_MS_CONFIG,
                                            2,
                                            ProducerConfig.MAX_BLOCK_MS_CONFIG,
                                            10_000,
                                            ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                                            10_000,
                                            ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG,
                                            20_000)),
                            new StringSerializer(),
                            new ByteArraySerializer());
        }
        return producer;
    }

    /**
     * Closes the producer; {@code drain} zero aborts what it still buffers (the next attempt
     * resends those rows).
     */
    void close(Duration drain) {
        if (producer != null) {
            try {
                producer.close(drain);
            } catch (Exception e) {
                LOG.debug("closing producer", e);
            }
            producer = null;
        }
    }
}
