package org.innoreg.gateway.routing;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.innoreg.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Routes every path a service owns to that service: method, query, headers and body pass through
 * unchanged and streamed both ways (nothing is buffered whole, so imports, exports and server-sent
 * events flow through). Each request carries an {@code X-Request-Id}, set here if the caller sent none.
 * A service that cannot be reached answers a fast 503 problem naming it; the next request tries again,
 * so recovery needs no restart.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    public static final String REQUEST_ID = "X-Request-Id";

    /** Connection-level headers (RFC 9110 §7.6.1) that a proxy must not forward. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private final GatewayConfig config;
    /**
     * A client (and connection pool) per event loop: a connection belongs to the event loop that opened
     * it, and a request from another loop would hop threads both ways, which on 2 cores cost more than
     * the proxying itself.
     */
    private final ThreadLocal<HttpClient> clients;

    ServiceProxy(GatewayConfig config, Vertx vertx) {
        this.config = config;
        HttpClientOptions options = new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxPoolSize(64)
                .setKeepAlive(true);
        this.clients = ThreadLocal.withInitial(() -> vertx.createHttpClient(options));
    }

    void install(@Observes Router router) {
        for (Map.Entry<String, GatewayConfig.Service> service : config.services().entrySet()) {
            for (String prefix : service.getValue().prefixes()) {
                // Before the gateway's own REST routes, which would answer 404 for these paths.
                router.route(prefix).order(-100).handler(context -> forward(context, service.getKey(), service.getValue()));
                router.route(prefix + "/*").order(-100).handler(context -> forward(context, service.getKey(), service.getValue()));
            }
        }
    }

    private void forward(RoutingContext context, String name, GatewayConfig.Service service) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        request.pause();
        String requestId = request.getHeader(REQUEST_ID) != null ? request.getHeader(REQUEST_ID) : UUID.randomUUID().toString();
        int port = service.url().getPort() > 0 ? service.url().getPort() : 80;
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(service.url().getHost())
                .setPort(port)
                .setURI(request.uri())
                .setIdleTimeout(config.timeout().toMillis());
        clients.get().request(options).onComplete(connected -> {
            if (connected.failed()) {
                unavailable(context, name, requestId, connected.cause());
                return;
            }
            HttpClientRequest upstream = connected.result();
            copyHeaders(request.headers(), upstream.headers());
            upstream.putHeader(REQUEST_ID, requestId);
            upstream.putHeader("X-Forwarded-Host", request.authority() == null ? "" : request.authority().toString());
            upstream.putHeader("X-Forwarded-Proto", request.scheme());
            if (request.remoteAddress() != null) {
                upstream.putHeader("X-Forwarded-For", request.remoteAddress().hostAddress());
            }
            upstream.send(request).onComplete(answered -> {
                if (answered.failed()) {
                    unavailable(context, name, requestId, answered.cause());
                    return;
                }
                HttpClientResponse answer = answered.result();
                response.setStatusCode(answer.statusCode());
                response.setStatusMessage(answer.statusMessage());
                copyHeaders(answer.headers(), response.headers());
                response.putHeader(REQUEST_ID, requestId);
                if (answer.getHeader("Content-Length") == null) {
                    response.setChunked(true);
                }
                answer.pipeTo(response);
            });
        });
    }

    private static void copyHeaders(MultiMap from, MultiMap to) {
        for (Map.Entry<String, String> header : from) {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                to.add(header.getKey(), header.getValue());
            }
        }
    }

    private static void unavailable(RoutingContext context, String service, String requestId, Throwable cause) {
        LOG.warnf("%s unavailable for %s %s (request %s): %s", service, context.request().method(),
                context.request().path(), requestId, cause.toString());
        context.request().resume(); // drain what the caller still sends
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            response.reset(); // the answer had started: all we can do is cut it
            return;
        }
        boolean timeout = cause instanceof java.util.concurrent.TimeoutException
                || String.valueOf(cause.getMessage()).contains("timeout");
        int status = timeout ? 504 : 503;
        JsonObject problem = new JsonObject()
                .put("type", "urn:innoreg:problem:" + (timeout ? "upstream-timeout" : "service-unavailable"))
                .put("title", timeout ? "Service too slow" : "Service unavailable")
                .put("status", status)
                .put("detail", "the " + service + " service " + (timeout ? "did not answer in time" : "cannot be reached")
                        + "; retry shortly")
                .put("instance", context.request().path())
                .put("service", service);
        response.setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .putHeader(REQUEST_ID, requestId).putHeader("Retry-After", "5").end(problem.encode());
    }
}
