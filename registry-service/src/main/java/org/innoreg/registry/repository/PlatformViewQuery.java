package org.innoreg.registry.repository;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * The read paths (GET by id, search pages): one SQL statement straight into the API's view, hosts
 * included, without entities, a persistence context or a transaction. Writes go through the entity;
 * PlatformViewQueryTest keeps the two views identical.
 */
@ApplicationScoped
public class PlatformViewQuery {

    /** The view's columns, from {@code platform p}. */
    static final String COLUMNS = """
            p.id, p.name_zh, p.name_en, p.aliases, p.type, p.level, p.status, p.region_code, p.fields,
                   ARRAY(SELECT h.organization_id FROM platform_host h WHERE h.platform_id = p.id
                          ORDER BY h.organization_id) AS host_ids,
                   p.accredited_on, p.accreditation_no, CAST(p.detail AS text) AS detail, p.version,
                   p.created_at, p.updated_at""";

    private static final String BY_ID = "SELECT " + COLUMNS + " FROM platform p WHERE p.id = ?";

    /** A platform of a page and its position in the page's order (for the next page's cursor). */
    public record Positioned(PlatformView view, String sortKey) {
    }

    private final AgroalDataSource dataSource;
    private final ObjectReader details;

    PlatformViewQuery(AgroalDataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        // the column is written by Hibernate's JSON mapping, not by the API: read it as leniently
        this.details = json.readerFor(PlatformDetail.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    public Optional<PlatformView> byId(UUID id) {
        List<PlatformView> found = query(BY_ID, List.of(id), row -> view(row));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * A page: {@code sql} selects {@link #COLUMNS} and a text {@code sort_key}, with JDBC's positional
     * parameters.
     */
    public List<Positioned> page(String sql, List<Object> parameters) {
        return query(sql, parameters, row -> new Positioned(view(row), row.getString("sort_key")));
    }

    private interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> parameters, RowMapper<T> mapper) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(mapper.map(row));
                }
            }
            return rows;
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
