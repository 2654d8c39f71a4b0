package org.innoreg.chassis.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes committed outbox rows to Kafka as CloudEvents, in outbox order, keyed by aggregate id.
 *
 * <ul>
 *   <li>Wakes on PostgreSQL NOTIFY (sent at commit by the outbox trigger), with a poll as a safety
 *       net.
 *   <li>Only one relay per database is active: it holds a session advisory lock on its own
 *       connection. A second replica waits on standby and takes over when that connection goes
 *       away.
 *   <li>Producer is idempotent with acks=all; a row is marked published only after Kafka
 *       acknowledged it. A crash between the two publishes that row again: delivery is at least
 *       once, and consumers drop the repeat by event id.
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LOCK_KEY = "innoreg.outbox-relay";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    private final EventsConfig config;
    private final String jdbcUrl;
    private final String username;
    private final Optional<String> password;
    private final Counter published;

    private volatile boolean running;
    private volatile boolean leader;
    private volatile String pausedBy; // why the last attempt failed, null after a success
    private Thread thread;
    private Producer<String, byte[]> producer;
    private final Set<String> knownTopics = new HashSet<>();
    private Instant nextPurge = Instant.EPOCH;

    OutboxRelay(
            EventsConfig config,
            MeterRegistry meters,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.config = config;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.published =
                Counter.builder("innoreg.outbox.published")
                        .description("Outbox events acknowledged by Kafka")
                        .register(meters);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relay().enabled()) {
            LOG.info("outbox relay disabled");
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        if (thread != null) {
            try {
                thread.join(config.relay().pollInterval().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeProducer(Duration.ofSeconds(5));
    }

    /** True while this replica holds the relay lock (the others stand by). */
    public boolean isLeader() {
        return leader;
    }

    /** For the readiness answer: disabled, active, standby, or paused and why. */
    public String status() {
        if (!running) {
            return "disabled";
        }
        String paused = pausedBy;
        if (paused != null) {
            return "paused: " + paused;
        }
        return leader
                ? "active (this replica publishes)"
                : "standby (another replica holds the lock)";
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try (Connection connection =
                    DriverManager.getConnection(jdbcUrl, username, password.orElse(""))) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN outbox_event");
                }
                while (running) {
                    if (!leader && !(leader = tryLock(connection))) {
                        Thread.sleep(config.relay().pollInterval().toMillis());
                        continue;
                    }
                    int sent = publishBatch(connection);
                    pausedBy = null;
                    backoff = Duration.ofMillis(200);
                    purgeNowAndThen(connection);
                    if (sent < config.relay().batchSize()) {
                        // Block until a commit notifies us, or the poll interval passes.
                        connection
                                .unwrap(PGConnection.class)
                                .getNotifications((int) config.relay().pollInterval().toMillis());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // Kafka or PostgreSQL unreachable: nothing is lost, the rows wait in the outbox.
                LOG.warnf(
                        "outbox relay paused (%s), retrying in %d ms",
                        e.toString(), backoff.toMillis());
                leader = false;
                pausedBy = Instant.now() + " " + e.getClass().getSimpleName();
                // Abort, don't drain: records still buffered would otherwise be sent once Kafka is
                // back,
                // and then again with the batch this loop resends (the same event ids, twice on the
                // topic).
                closeProducer(Duration.ZERO);
                sleep(backoff);
                backoff =
                        backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                                ? MAX_BACKOFF
                                : backoff.multipliedBy(2);
            }
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock =
                connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
            lock.setString(1, LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                boolean acquired = rs.getBoolean(1);
                if (acquired) {
                    LOG.info("outbox relay active for this database");
                }
                return acquired;
            }
        }
    }

    /** Publishes the oldest pending rows; returns how many were sent and marked. */
    private int publishBatch(Connection connection) throws Exception {
        List<PendingEvent> pending = loadPending(connection);
        if (pending.isEmpty()) {
            return 0;
        }
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
                // rows
                // overtake this one, and be sent again with it on the next attempt.
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
        markPublished(connection, acknowledged);
        published.increment(acknowledged.size());
        if (failure != null) {
            throw failure;
        }
        return acknowledged.size();
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

    private List<PendingEvent> loadPending(Connection connection) throws SQLException {
        List<PendingEvent> pending = new ArrayList<>();
        try (PreparedStatement select =
                connection.prepareStatement(
                        """
                SELECT id, topic, aggregate_id, event_type, sequence, occurred_at, actor, data::text
                  FROM outbox_event
                 WHERE published_at IS NULL
                 ORDER BY seq
                 LIMIT ?
                """)) {
            select.setInt(1, config.relay().batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    pending.add(
                            new PendingEvent(
                                    rs.getObject(1, UUID.class),
                                    rs.getString(2),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getLong(5),
                                    rs.getObject(6, OffsetDateTime.class),
                                    rs.getString(7),
                                    rs.getString(8)));
                }
            }
        }
        return pending;
    }

    private void markPublished(Connection connection, List<UUID> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update =
                connection.prepareStatement(
                        "UPDATE outbox_event SET published_at = now() WHERE id = ANY (?)")) {
            Array array = connection.createArrayOf("uuid", ids.toArray());
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private void purgeNowAndThen(Connection connection) throws SQLException {
        if (Instant.now().isBefore(nextPurge)) {
            return;
        }
        nextPurge = Instant.now().plus(PURGE_EVERY);
        try (PreparedStatement purge =
                connection.prepareStatement(
                        "DELETE FROM outbox_event WHERE published_at < now() - make_interval(secs => ?)")) {
            purge.setLong(1, config.relay().keepPublished().toSeconds());
            int purged = purge.executeUpdate();
            if (purged > 0) {
                LOG.infof("purged %d published outbox rows", purged);
            }
        }
    }

    /** Creates the service's topics with the suite's partition count before their first event. */
    private void ensureTopics(List<PendingEvent> pending) throws Exception {
        List<NewTopic> missing =
                pending.stream()
                        .map(PendingEvent::topic)
                        .distinct()
                        .filter(topic -> !knownTopics.contains(topic))
                        .map(
                                topic ->
                                        new NewTopic(
                                                topic,
                                                Optional.of(config.relay().topicPartitions()),
                                                config.relay().topicReplication()))
                        .toList();
        if (missing.isEmpty()) {
            return;
        }
        try (Admin admin =
                Admin.create(
                        KafkaClients.withSecurity(
                                Map.of("bootstrap.servers", config.bootstrapServers())))) {
            for (NewTopic topic : missing) {
                try {
                    admin.createTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            awaitLeaders(admin, missing.stream().map(NewTopic::name).toList());
            missing.forEach(topic -> knownTopics.add(topic.name()));
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
            sleep(Duration.ofMillis(100));
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

    private void closeProducer(Duration drain) {
        if (producer != null) {
            try {
                producer.close(drain);
            } catch (Exception e) {
                LOG.debug("closing producer", e);
            }
            producer = null;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record PendingEvent(
            UUID id,
            String topic,
            String aggregateId,
            String type,
            long sequence,
            OffsetDateTime occurredAt,
            String actor,
            String data) {

        io.cloudevents.CloudEvent toCloudEvent(String source) {
            return CloudEventCodec.build(
                    id.toString(), source, type, aggregateId, occurredAt, sequence, actor, data);
        }
    }
}
