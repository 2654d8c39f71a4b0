package org.innoreg.chassis.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.chassis.events.OutboxRows.PendingEvent;
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
 *
 * The statements on the outbox are {@link OutboxRows}', the Kafka side is {@link OutboxPublisher}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final EventsConfig config;
    private final String jdbcUrl;
    private final String username;
    private final Optional<String> password;
    private final Counter published;

    private volatile boolean running;
    private volatile boolean leader;
    private volatile String pausedBy; // why the last attempt failed, null after a success
    private Thread thread;
    private final OutboxRows rows;
    private final OutboxPublisher publisher;

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
        this.rows = new OutboxRows(config);
        this.publisher = new OutboxPublisher(config);
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
        publisher.close(Duration.ofSeconds(5));
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
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));
        while (running) {
            try (Connection connection =
                    DriverManager.getConnection(jdbcUrl, username, password.orElse(""))) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN outbox_event");
                }
                while (running) {
                    if (!leader && !(leader = rows.tryLock(connection))) {
                        Thread.sleep(config.relay().pollInterval().toMillis());
                        continue;
                    }
                    int sent = publishBatch(connection);
                    pausedBy = null;
                    backoff.reset();
                    rows.purgeNowAndThen(connection);
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
                        e.toString(), backoff.current().toMillis());
                leader = false;
                pausedBy = Instant.now() + " " + e.getClass().getSimpleName();
                // Abort, don't drain: records still buffered would otherwise be sent once Kafka is
                // back, and then again with the batch this loop resends (the same event ids, twice
                // on the topic).
                publisher.close(Duration.ZERO);
                try {
                    backoff.sleep();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** Publishes the oldest pending rows; returns how many were sent and marked. */
    private int publishBatch(Connection connection) throws Exception {
        List<PendingEvent> pending = rows.pending(connection);
        if (pending.isEmpty()) {
            return 0;
        }
        OutboxPublisher.Sent sent = publisher.send(pending);
        rows.markPublished(connection, sent.acknowledged());
        published.increment(sent.acknowledged().size());
        if (sent.failure() != null) {
            throw sent.failure();
        }
        return sent.acknowledged().size();
    }
}
