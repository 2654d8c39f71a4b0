package org.innoreg.registry.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import org.innoreg.registry.domain.PlatformDetail;
import org.innoreg.registry.domain.PlatformLevel;
import org.innoreg.registry.domain.PlatformStatus;
import org.innoreg.registry.domain.PlatformType;
import org.innoreg.registry.mapping.PlatformView;

import io.agroal.api.AgroalDataSource;

/**
 * The hot read path (GET a platform by id): one SQL statement straight into the API's view, without an
 * entity, a persistence context or a transaction. Writes and every other read go through the entity;
 * PlatformViewQueryTest keeps the two views identical.
 */
@ApplicationScoped
public class PlatformViewQuery {

    private static final String BY_ID = """
            SELECT p.id, p.name_zh, p.name_en, p.aliases, p.type, p.level, p.status, p.region_code, p.fields,
                   ARRAY(SELECT h.organization_id FROM platform_host h WHERE h.platform_id = p.id
                          ORDER BY h.organization_id) AS host_ids,
                   p.accredited_on, p.accreditation_no, CAST(p.detail AS text) AS detail, p.version,
                   p.created_at, p.updated_at
              FROM platform p WHERE p.id = ?
            """;

    private final AgroalDataSource dataSource;
    private final ObjectReader details;

    PlatformViewQuery(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        // the column is written by Hibernate's JSON mapping, not by the API: read it as leniently
        this.details = json.readerFor(PlatformDetail.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public Optional<PlatformView> byId(UUID id) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(BY_ID)) {
            query.setObject(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(view(row)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e); // the problem mappers tell an outage (503) from the rest
        }
    }

    private PlatformView view(ResultSet row) throws SQLException {
        return new PlatformView(row.getObject("id", UUID.class), row.getString("name_zh"), row.getString("name_en"),
                strings(row.getArray("aliases")), PlatformType.valueOf(row.getString("type")),
                PlatformLevel.valueOf(row.getString("level")), PlatformStatus.valueOf(row.getString("status")),
                row.getString("region_code"), strings(row.getArray("fields")), uuids(row.getArray("host_ids")),
                row.getObject("accredited_on", LocalDate.class), row.getString("accreditation_no"),
                detail(row.getString("detail")), row.getLong("version"), utc(row.getObject("created_at", OffsetDateTime.class)),
                utc(row.getObject("updated_at", OffsetDateTime.class)));
    }

    private PlatformDetail detail(String json) {
        if (json == null) {
            return null;
        }
        try {
            return details.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable platform detail", e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((UUID[]) array.getArray());
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
