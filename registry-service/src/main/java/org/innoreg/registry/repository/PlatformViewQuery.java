package org.innoreg.registry.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.innoreg.registry.domain.Platform;
import org.innoreg.registry.domain.PlatformDetail;
import org.innoreg.registry.mapping.PlatformMapper;
import org.innoreg.registry.mapping.PlatformView;

/**
 * The platform read paths (GET by id, search pages and their counts): SQL into the API's view,
 * hosts included, through the reactive client. A read never leaves the event loop: no worker
 * thread, persistence context or transaction (on 2 cores that hand-off cost more than the query);
 * the row fills an unmanaged entity only so that the one mapper builds the view.
 * PlatformViewQueryTest keeps the view of a read and of a write identical.
 */
@ApplicationScoped
public class PlatformViewQuery {

    /** The view's columns, from {@code platform p}. */
    static final String COLUMNS =
            "p.id, "
                    + PlatformMapper.COLUMNS.select("p")
                    + """
                    , ARRAY(SELECT h.organization_id FROM platform_host h WHERE h.platform_id = p.id
                                ORDER BY h.organization_id) AS host_ids,
                           CAST(p.detail AS text) AS detail, p.version, p.created_at, p.updated_at""";

    private static final String BY_ID = "SELECT " + COLUMNS + " FROM platform p WHERE p.id = $1";

    /** A platform of a page and its position in the page's order (for the next page's cursor). */
    public record Positioned(PlatformView view, String sortKey) {}

    private final Pool client;
    private final ObjectReader details;

    PlatformViewQuery(Pool client, ObjectMapper json) {
        this.client = client;
        // the column is written by Hibernate's JSON mapping, not by the API: read it as leniently
        this.details =
                json.readerFor(PlatformDetail.class)
                        .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The platform, or null. */
    public Uni<PlatformView> byId(UUID id) {
        return select(BY_ID, List.of(id), this::view)
                .map(found -> found.isEmpty() ? null : found.get(0));
    }

    /**
     * A page: {@code sql} selects {@link #COLUMNS} and a text {@code sort_key}, with parameters $1,
     * $2...
     */
    public Uni<List<Positioned>> page(String sql, List<Object> parameters) {
        return select(sql, parameters, row -> new Positioned(view(row), row.getString("sort_key")));
    }

    /** Any read of the platform tables (counts, facets), each row mapped. */
    public <T> Uni<List<T>> select(String sql, List<Object> parameters, Function<Row, T> mapper) {
        return client.preparedQuery(sql)
                .execute(Tuple.from(parameters))
                .onFailure()
                .transform(PlatformViewQuery::asSqlException)
                .map(
                        rows -> {
                            List<T> mapped = new ArrayList<>(rows.size());
                            rows.forEach(row -> mapped.add(mapper.apply(row)));
                            return mapped;
                        });
    }

    /**
     * The client's failures as the SQLException the problem mappers read, as on the JDBC paths: an
     * answer of the server keeps its SQLState (a refused value is 400, a server shutting down 503);
     * no answer at all (refused, reset or closed connection: an IOException or the client's own
     * close) is a connection exception, class 08 (503). A primary stopped for a failover resets its
     * connections.
     */
    private static Throwable asSqlException(Throwable failure) {
        if (failure instanceof PgException server) {
            return new IllegalStateException(
                    server.getMessage(),
                    new SQLException(server.getErrorMessage(), server.getSqlState(), failure));
        }
        if (failure instanceof IOException || failure instanceof ClosedConnectionException) {
            return new IllegalStateException(
                    failure.getMessage(), new SQLException(failure.getMessage(), "08006", failure));
        }
        return failure;
    }

    /**
     * The row into an unmanaged platform (no session: a value holder), which the one mapper turns
     * into the view, so that the view is built in one place.
     */
    private PlatformView view(Row row) {
        Platform p = new Platform();
        p.id = row.getUUID("id");
        PlatformMapper.COLUMNS.readFromDatabase(p, row::getValue);
        p.hostIds = new LinkedHashSet<>(list(row.getArrayOfUUIDs("host_ids")));
        p.detail = detail(row.getString("detail"));
        p.version = row.getLong("version");
        p.createdAt = utc(row.getOffsetDateTime("created_at"));
        p.updatedAt = utc(row.getOffsetDateTime("updated_at"));
        return PlatformMapper.toView(p);
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

    private static <T> List<T> list(T[] array) {
        return array == null ? List.of() : Arrays.asList(array);
    }

    private static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
