package org.innoreg.registry.repository;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.innoreg.registry.domain.Platform;
import org.innoreg.registry.domain.PlatformHistoryEntry;
import org.innoreg.registry.mapping.PlatformMapper;

/** An import's new platforms into the database in one statement. */
@ApplicationScoped
public class PlatformBulkInsert {

    private final EntityManager entityManager;
    private final ObjectMapper json;

    PlatformBulkInsert(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /**
     * Data-modifying CTEs: the foreign keys of hosts and history are checked at the statement's
     * end, when the platforms are in.
     */
    private static final String INSERT =
            """
            WITH r AS (
                SELECT * FROM json_to_recordset(CAST(?1 AS json)) AS r(id uuid, %1$s, detail jsonb,
                       search_text text, version bigint, created_at timestamptz, host_ids uuid[],
                       effective_on date, recorded_at timestamptz)),
            platform_rows AS (
                INSERT INTO platform (id, %2$s, detail, search_text, version, created_at, updated_at)
                SELECT id, %2$s, detail, search_text, version, created_at, created_at FROM r),
            host_rows AS (
                INSERT INTO platform_host (platform_id, organization_id)
                SELECT r.id, host FROM r CROSS JOIN LATERAL unnest(r.host_ids) AS host)
            INSERT INTO platform_history (platform_id, effective_on, change, type, level, status, region_code,
                                          recorded_at)
            SELECT id, effective_on, 'ACCREDITED', type, level, status, region_code, recorded_at FROM r
            """
                    .formatted(
                            PlatformMapper.COLUMNS.recordDefinition(),
                            PlatformMapper.COLUMNS.names());

    /**
     * Inserts new platforms with their hosts and first history steps (accredited) in one statement:
     * an import's chunk, without Hibernate's per-entity work (the rows are not managed afterwards).
     */
    public void insertAll(List<Platform> created) {
        if (created.isEmpty()) {
            return;
        }
        StringWriter rows = new StringWriter();
        try (JsonGenerator out = json.getFactory().createGenerator(rows)) {
            out.writeStartArray();
            for (Platform p : created) {
                p.stampCreated();
                p.indexNames();
                PlatformHistoryEntry accreditation = PlatformHistoryEntry.accreditation(p);
                accreditation.onCreate();
                out.writeStartObject();
                out.writeStringField("id", p.id.toString());
                PlatformMapper.COLUMNS.writeJson(out, p);
                out.writeFieldName("detail");
                out.writeRawValue(json.writeValueAsString(p.detail));
                out.writeStringField("search_text", p.searchText);
                out.writeNumberField("version", p.version);
                out.writeStringField("created_at", p.createdAt.toString());
                writeStrings(out, "host_ids", p.hostIds.stream().map(UUID::toString).toList());
                out.writeStringField("effective_on", accreditation.effectiveOn.toString());
                out.writeStringField("recorded_at", accreditation.recordedAt.toString());
                out.writeEndObject();
            }
            out.writeEndArray();
        } catch (IOException e) {
            throw new IllegalArgumentException("platforms cannot be written as JSON", e);
        }
        entityManager.createNativeQuery(INSERT).setParameter(1, rows.toString()).executeUpdate();
    }

    private static void writeStrings(JsonGenerator out, String field, Collection<String> values)
            throws IOException {
        out.writeArrayFieldStart(field);
        for (String value : values) {
            out.writeString(value);
        }
        out.writeEndArray();
    }
}
