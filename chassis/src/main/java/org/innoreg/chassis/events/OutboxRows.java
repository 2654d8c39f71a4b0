package org.innoreg.chassis.events;

import io.cloudevents.CloudEvent;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The relay's statements on its own connection to the outbox: the lock that makes one relay per
 * database the active one, the oldest unpublished rows, marking rows published once Kafka has
 * acknowledged them, and purging published rows after the configured time.
 */
final class OutboxRows {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LOCK_KEY = "innoreg.outbox-relay";
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    /** One unpublished row: an event as the outbox holds it. */
    record PendingEvent(
            UUID id,
            String topic,
            String aggregateId,
            String type,
            long sequence,
            OffsetDateTime occurredAt,
            String actor,
            String data) {

        CloudEvent toCloudEvent(String source) {
            return CloudEventCodec.build(
                    id.toString(), source, type, aggregateId, occurredAt, sequence, actor, data);
        }
    }

    private final EventsConfig config;
    private Instant nextPurge = Instant.EPOCH;

    OutboxRows(EventsConfig config) {
        this.config = config;
    }

    /** Takes the session advisory lock when no other relay of the database holds it. */
    boolean tryLock(Connection connection) throws SQLException {
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

    /** The oldest unpublished rows, at most a batch, in outbox order. */
    List<PendingEvent> pending(Connection connection) throws SQLException {
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

    void markPublished(Connection connection, List<UUID> ids) throws SQLException {
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

    /** Deletes published rows older than the configured time, once an hour at the most. */
    void purgeNowAndThen(Connection connection) throws SQLException {
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
}
