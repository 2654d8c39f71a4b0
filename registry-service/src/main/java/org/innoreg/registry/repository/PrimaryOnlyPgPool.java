package org.innoreg.registry.repository;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The reactive pool's equivalent of JDBC's {@code targetServerType=primary}: with several servers
 * in {@code quarkus.datasource.reactive.url} (a primary and its standbys, comma-separated), each
 * new connection goes to the server that is not in recovery, so after a promotion the reads follow
 * the new primary by themselves, as the JDBC writes do. Vert.x's own list of servers only rotates
 * over them, which would send reads to a standby (stale after a write) and to a stopped old
 * primary.
 *
 * <p>One short probe connection per pooled connection made; the pool keeps its connections, so that
 * is a cost paid at start-up and after a failover, not per request. The server found last is asked
 * first.
 */
@Singleton
public class PrimaryOnlyPgPool implements PgPoolCreator {

    private final AtomicInteger lastPrimary = new AtomicInteger();

    @Override
    public Pool create(Input input) {
        List<PgConnectOptions> servers = input.pgConnectOptionsList();
        Vertx vertx = input.vertx();
        if (servers.size() == 1) {
            return PgBuilder.pool()
                    .with(input.poolOptions())
                    .connectingTo(servers.get(0))
                    .using(vertx)
                    .build();
        }
        return PgBuilder.pool()
                .with(input.poolOptions())
                .connectingTo(() -> primary(vertx, servers, 0))
                .using(vertx)
                .build();
    }

    private Future<SqlConnectOptions> primary(
            Vertx vertx, List<PgConnectOptions> servers, int tried) {
        if (tried == servers.size()) {
            // a ConnectException: the read paths answer it as the database being unavailable (503),
            // as for one server
            return Future.failedFuture(
                    new ConnectException(
                            "no primary among "
                                    + servers.stream()
                                            .map(s -> s.getHost() + ":" + s.getPort())
                                            .collect(Collectors.joining(", "))));
        }
        int index = (lastPrimary.get() + tried) % servers.size();
        PgConnectOptions candidate = servers.get(index);
        return PgConnection.connect(vertx, candidate)
                .compose(
                        probe ->
                                probe.query("SELECT pg_is_in_recovery()")
                                        .execute()
                                        .map(rows -> rows.iterator().next().getBoolean(0))
                                        .andThen(done -> probe.close()))
                .otherwise(true) // unreachable: treat like a standby and try the next one
                .compose(
                        inRecovery -> {
                            if (inRecovery) {
                                return primary(vertx, servers, tried + 1);
                            }
                            lastPrimary.set(index);
                            return Future.succeededFuture(candidate);
                        });
    }
}
