package org.innoreg.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for a service, on a Vert.x HTTP server of its own (the same server the real services
 * run on, so it answers early the way they do: a write without a token is refused with 401 before
 * its body is read, and the rest of the body is then read and dropped on the same connection). Its
 * answers name the replica ({@code X-Replica}).
 *
 * <ul>
 *   <li>{@code POST|PUT|PATCH|DELETE} without {@code Authorization}: 401 problem at once, the body
 *       unread;
 *   <li>with one: the body read, 200 with its size;
 *   <li>{@code GET …/export?kb=N}: N KiB of JSON lines, chunked, a little at a time;
 *   <li>{@code GET …/slow}: answers after 5 s;
 *   <li>any other {@code GET}: 200 with the path;
 *   <li>{@code /q/health/ready}: 200; {@code /q/openapi}: 404 (no document to merge).
 * </ul>
 *
 * {@link #kill()} closes the server and every connection it holds at once, as a crashed process
 * would; {@link #start()} listens on the same port again.
 */
public final class StandInService {

    private final String name;
    private Vertx vertx;
    private int port;

    public StandInService(String name) {
        this.name = name;
    }

    public synchronized StandInService start() {
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1));
        HttpServer server =
                vertx.createHttpServer(
                                new HttpServerOptions()
                                        .setHost("127.0.0.1")
                                        .setPort(port)
                                        .setReuseAddress(true))
                        .requestHandler(this::handle);
        port = server.listen().toCompletionStage().toCompletableFuture().join().actualPort();
        return this;
    }

    /** Stops at once, connections included (like SIGKILL: the peer sees them closed). */
    public synchronized void kill() {
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            vertx = null;
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private void handle(HttpServerRequest request) {
        request.response().putHeader("X-Replica", name);
        String path = request.path();
        if (path.equals("/q/health/ready")) {
            request.response().end("{\"status\":\"UP\"}");
            return;
        }
        if (path.startsWith("/q/")) {
            request.response().setStatusCode(404).end();
            return;
        }
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            if (request.getHeader("Authorization") == null) {
                request.response()
                        .setStatusCode(401)
                        .putHeader("Content-Type", "application/problem+json")
                        .end(
                                "{\"type\":\"urn:innoreg:problem:token-missing\",\"title\":\"Unauthorized\",\"status\":401}");
                return;
            }
            request.body()
                    .onSuccess(
                            body ->
                                    request.response()
                                            .putHeader("Content-Type", "application/json")
                                            .end(
                                                    "{\"bodyBytes\":"
                                                            + body.length()
                                                            + ",\"replica\":\""
                                                            + name
                                                            + "\"}"));
            return;
        }
        if (path.endsWith("/slow")) {
            vertx.setTimer(5_000, id -> request.response().end("{}"));
            return;
        }
        if (path.endsWith("/export")) {
            int kb = Integer.parseInt(request.getParam("kb", "1024"));
            request.response().setChunked(true).putHeader("Content-Type", "application/x-ndjson");
            Buffer line = Buffer.buffer("{\"id\":\"" + "x".repeat(1000) + "\"}\n"); // about 1 KiB
            writeLines(request, line, kb);
            return;
        }
        request.response()
                .putHeader("Content-Type", "application/json")
                .end("{\"path\":\"" + path + "\",\"replica\":\"" + name + "\"}");
    }

    private void writeLines(HttpServerRequest request, Buffer line, int left) {
        if (request.response().closed()) {
            return;
        }
        if (left == 0) {
            request.response().end();
            return;
        }
        for (int i = 0; i < 16 && left > 0 && !request.response().closed(); i++, left--) {
            request.response().write(line);
        }
        int rest = left;
        vertx.setTimer(1, id -> writeLines(request, line, rest));
    }
}
