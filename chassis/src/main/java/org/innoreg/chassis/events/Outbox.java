package org.innoreg.chassis.events;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.innoreg.chassis.security.Caller;
import org.innoreg.chassis.write.FieldChange;

/**
 * Records the event of a change in the change's own transaction: the event exists if and only if
 * the change commits. {@link OutboxRelay} publishes it to Kafka afterwards.
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
     * The change of one aggregate that an event reports.
     *
     * @param version the aggregate's version after the change (for a delete, the one after its
     *     last)
     * @param data the aggregate's full state after the change (its last state for a delete)
     * @param fields the fields the change changed, for the audit trail (none listed for a create or
     *     delete)
     */
    public record Change(String aggregateId, long version, Object data, List<FieldChange> fields) {

        public Change(String aggregateId, long version, Object data) {
            this(aggregateId, version, data, List.of());
        }
    }

    /**
     * Records one event of an aggregate.
     *
     * @param aggregateType e.g. {@code platform}; names the topic and the event type
     * @param action e.g. {@code created}, {@code updated}, {@code deleted}, {@code stage-changed}
     * @param aggregateId the Kafka key and the CloudEvents subject
     * @param version the aggregate's version after the change (CloudEvents {@code sequence})
     * @param data the aggregate's full state after the change (its last state for a delete)
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(
            String aggregateType, String action, String aggregateId, long version, Object data) {
        return recordAll(aggregateType, action, List.of(new Change(aggregateId, version, data)))
                .get(0);
    }

    /**
     * Records the events of many changes of one kind (a bulk import's), in one statement.
     *
     * @return the event ids, in the order of the changes
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> recordAll(String aggregateType, String action, List<Change> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        // Write the aggregates' rows first. Their row locks make a concurrent change of the same
        // aggregate
        // wait for this commit, so per aggregate the outbox seq order is the commit order.
        entityManager.flush();
        List<UUID> ids = new ArrayList<>(changes.size());
        StringWriter events = new StringWriter();
        try (JsonGenerator out = json.getFactory().createGenerator(events)) {
            out.writeStartArray();
            for (Change change : changes) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                out.writeStartObject();
                out.writeStringField("id", id.toString());
                out.writeStringField("aggregate_id", change.aggregateId());
                out.writeNumberField("sequence", change.version());
                out.writeFieldName("data");
                out.writeRawValue(
                        json.writeValueAsString(
                                change.data())); // kept as written: the column is json
                out.writeFieldName("fields");
                out.writeRawValue(json.writeValueAsString(change.fields()));
                out.writeEndObject();
            }
            out.writeEndArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON", e);
        }
        // The events and their audit rows in one statement: the author is the token's subject (none
        // for
        // work done outside a request), carried as the CloudEvent's actor attribute.
        entityManager
                .createNativeQuery(
                        """
                WITH event AS (
                    INSERT INTO outbox_event (id, topic, aggregate_id, event_type, sequence, actor, data)
                    SELECT e.id, ?2, e.aggregate_id, ?3, e.sequence, ?4, e.data
                      FROM ROWS FROM (json_to_recordset(CAST(?1 AS json))
                                      AS (id uuid, aggregate_id text, sequence bigint, data json, fields jsonb))
                           WITH ORDINALITY AS e(id, aggregate_id, sequence, data, fields, n)
                     ORDER BY e.n
                    RETURNING id, aggregate_id, sequence, actor, occurred_at)
                INSERT INTO audit_log (aggregate_type, aggregate_id, version, action, actor, changed_at, event_id, fields)
                SELECT ?5, event.aggregate_id, event.sequence, ?6, event.actor, event.occurred_at, event.id, f.fields
                  FROM event JOIN json_to_recordset(CAST(?1 AS json)) AS f(id uuid, fields jsonb) ON f.id = event.id
                """)
                .setParameter(1, events.toString())
                .setParameter(2, config.topic(aggregateType))
                .setParameter(3, config.eventType(aggregateType, action))
                .setParameter(4, Caller.currentSubject().orElse(null))
                .setParameter(5, aggregateType)
                .setParameter(6, action)
                .executeUpdate();
        return ids;
    }
}
