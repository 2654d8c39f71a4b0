package org.innoreg.chassis.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.innoreg.chassis.security.Caller;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records the event of a change in the change's own transaction: the event exists if and only if the
 * change commits. {@link OutboxRelay} publishes it to Kafka afterwards.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final EventsConfig config;

    Outbox(EntityManager entityManager, ObjectMapper json, EventsConfig config) {
        this.entityManager = entityManager;
        this.json = json;
        this.config = config;
    }

    /**
     * Records one event of an aggregate.
     *
     * @param aggregateType e.g. {@code platform}; names the topic and the event type
     * @param action        e.g. {@code created}, {@code updated}, {@code deleted}, {@code stage-changed}
     * @param aggregateId   the Kafka key and the CloudEvents subject
     * @param version       the aggregate's version after the change (CloudEvents {@code sequence})
     * @param data          the aggregate's full state after the change (its last state for a delete)
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String aggregateType, String action, String aggregateId, long version, Object data) {
        // Write the aggregate's row first. Its row lock makes a concurrent change of the same aggregate
        // wait for this commit, so per aggregate the outbox seq order is the commit order.
        entityManager.flush();
        UUID id = UUID.randomUUID();
        // The event and its audit row in one statement: the author is the token's subject (none for work
        // done outside a request), carried as the CloudEvent's actor attribute.
        entityManager.createNativeQuery("""
                WITH event AS (
                    INSERT INTO outbox_event (id, topic, aggregate_id, event_type, sequence, actor, data)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?7, CAST(?6 AS json))
                    RETURNING id, aggregate_id, sequence, actor, occurred_at)
                INSERT INTO audit_log (aggregate_type, aggregate_id, version, action, actor, changed_at, event_id)
                SELECT ?8, aggregate_id, sequence, ?9, actor, occurred_at, id FROM event
                """)
                .setParameter(1, id)
                .setParameter(2, config.topic(aggregateType))
                .setParameter(3, aggregateId)
                .setParameter(4, config.eventType(aggregateType, action))
                .setParameter(5, version)
                .setParameter(6, toJson(data))
                .setParameter(7, Caller.currentSubject().orElse(null))
                .setParameter(8, aggregateType)
                .setParameter(9, action)
                .executeUpdate();
        return id;
    }

    private String toJson(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
    }
}
