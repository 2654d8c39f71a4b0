package org.innoreg.chassis.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.persistence.SqlValues;
import org.innoreg.chassis.write.FieldChange;

/**
 * Reads the audit trail {@link Outbox#record} keeps: every change of an aggregate, who made it and
 * when.
 */
@ApplicationScoped
public class AuditLog {

    @Schema(name = "Change", description = "One change of a record, as audited")
    public record Change(
            @Schema(description = "The record's version after the change") long version,
            @Schema(example = "updated") String action,
            @Schema(
                            description =
                                    "The subject of the token that made the change; absent for system changes",
                            example = "changde-bureau-zhang")
                    String actor,
            OffsetDateTime changedAt,
            @Schema(description = "The id of the change's CloudEvent") String eventId,
            @Schema(
                            description =
                                    "The fields it changed, with their old and new values; none listed for a create "
                                            + "(its event has the whole record) or a delete")
                    List<FieldChange> fields) {}

    private static final TypeReference<List<FieldChange>> FIELDS = new TypeReference<>() {};

    private final EntityManager entityManager;
    private final ObjectMapper json;

    AuditLog(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * The changes of one aggregate, oldest first, also of a deleted one (its delete last).
     *
     * @param ifNone runs when there are none: throws the 404 of an aggregate that never existed
     */
    public List<Change> changes(String aggregateType, String aggregateId, Runnable ifNone) {
        List<Change> changes = changes(aggregateType, aggregateId);
        if (changes.isEmpty()) {
            ifNone.run();
        }
        return changes;
    }

    /** The changes of one aggregate, oldest first. */
    @SuppressWarnings("unchecked")
    public List<Change> changes(String aggregateType, String aggregateId) {
        List<Object[]> rows =
                entityManager
                        .createNativeQuery(
                                """
                SELECT version, action, actor, changed_at, CAST(event_id AS text), CAST(fields AS text) FROM audit_log
                 WHERE aggregate_type = ?1 AND aggregate_id = ?2 ORDER BY id
                """)
                        .setParameter(1, aggregateType)
                        .setParameter(2, aggregateId)
                        .getResultList();
        return rows.stream()
                .map(
                        r ->
                                new Change(
                                        ((Number) r[0]).longValue(),
                                        (String) r[1],
                                        (String) r[2],
                                        SqlValues.offsetDateTime(r[3]),
                                        (String) r[4],
                                        fields((String) r[5])))
                .toList();
    }

    private List<FieldChange> fields(String column) {
        try {
            return json.readValue(column, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit_log holds unreadable fields: " + column, e);
        }
    }
}
