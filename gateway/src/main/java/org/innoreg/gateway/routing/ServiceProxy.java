package org.innoreg.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.innoreg.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * Routes every path a service owns to one of its replicas. The exchange itself is Vert.x's reverse
 * proxy ({@code vertx-http-proxy}: {@link ProxyRequest}/{@code ProxyResponse}): method, query,
 * headers and body pass through streamed both ways, hop-by-hop headers are dropped, and a request
 * body that did not reach the service whole (the caller went away, the service answered early and
 * closed) resets that upstream connection instead of leaving it in the pool half-sent. This class
 * and {@link ProxyExchange} choose the replica, add {@code X-Request-Id} and {@code X-Forwarded-*},
 * retry, and turn failures before the answer started into RFC 9457 problems:
 *
 * <ul>
 *   <li>no replica accepts a connection: 503 naming the service (every request may move to another
 *       replica then, nothing was sent);
 *   <li>the connection broke before an answer: the request goes once to another replica when that
 *       is safe to repeat (GET, HEAD, OPTIONS, and writes carrying {@code Idempotency-Key} or
 *       {@code If-Match}, whose small body is held for that), else 502;
 *   <li>no answer within {@code innoreg.gateway.timeout}: 504.
 * </ul>
 *
 * Once the answer has started, a failure can only cut it (a reset), and a caller that goes away
 * mid-answer resets the upstream request; neither is logged above DEBUG.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    public static final String REQUEST_ID = "X-Request-Id";

    /**
     * Where the proxied paths are routed: after the chassis' guards at {@code Integer.MIN_VALUE}
     * and {@code MIN_VALUE + 1} (request-head deadline, declared body size, language) and the rate
     * limiter just before.
     */
    static final int ROUTE_ORDER = Integer.MIN_VALUE + 3;

    private final GatewayConfig config;
    private final Map<String, Replicas> services = new LinkedHashMap<>();

    /**
     * A client (and connection pool) per event loop: a connection belongs to the event loop that
     * opened it, and a request from another loop would hop threads both ways, which on 2 cores cost
     * more than the proxying itself.
     */
    private final ThreadLocal<HttpClient> clients;

    ServiceProxy(GatewayConfig config, Vertx vertx) {
        this.config = config;
        config.services()
                .forEach(
                        (name, service) ->
                                services.put(
                                        name,
                                        new Replicas(
                                                name, service.url(), config.replicaRetryAfter())));
        HttpClientOptions options =
                new HttpClientOptions()
                        .setConnectTimeout((int) config.connectTimeout().toMillis())
                        .setMaxPoolSize(config.maxConnectionsPerReplica())
                        .setKeepAlive(true);
        this.clients = ThreadLocal.withInitial(() -> vertx.createHttpClient(options));
        if (vertx.isNativeTransportEnabled()) {
            LOG.info("forwarding on Netty's native transport (epoll)");
        } else {
            LOG.infof(
                    "forwarding on NIO, Netty's native transport is not available here: %s",
                    vertx.unavailableNativeTransportCause());
        }
    }

    /** The replicas of each service, by name (for readiness and the OpenAPI sources). */
    public Map<String, Replicas> services() {
        return services;
    }

    void install(@Observes Router router) {
        for (Map.Entry<String, GatewayConfig.Service> service : config.services().entrySet()) {
            Replicas replicas = services.get(service.getKey());
            for (String prefix : service.getValue().prefixes()) {
                // Right after the connection guards (request-head deadline, declared body size,
                // rate limits) and before everything else Quarkus routes: its authentication and
                // REST-observability handlers, which a proxied request does not need (each service
                // authenticates and measures it) and which cost about a tenth of the gateway's CPU
                // per proxied request; and the gateway's own REST routes, which would answer 404.
                router.route(prefix)
                        .order(ROUTE_ORDER)
                        .handler(context -> forward(context, replicas));
                router.route(prefix + "/*")
                        .order(ROUTE_ORDER)
                        .handler(context -> forward(context, replicas));
            }
        }
    }

    private void forward(RoutingContext context, Replicas replicas) {
        HttpServerRequest request = context.request();
        request.pause();
        String requestId =
                request.getHeader(REQUEST_ID) != null
                        ? request.getHeader(REQUEST_ID)
                        : newRequestId();
        ProxyExchange exchange =
                new ProxyExchange(context, replicas, requestId, config, clients::get);
        long declared = declaredLength(request);
        boolean chunked = request.headers().contains("Transfer-Encoding", "chunked", true);
        if (request.headers().contains("Expect", "100-continue", true)) {
            // Answered here: the body then comes at once (the service's own 100 would not reach the
            // caller, who would wait a second for it, as curl does for every body over 1 MB). Not
            // sent on: the body is under way.
            context.response().writeContinue();
            exchange.noExpect = true;
        }
        if (declared <= 0 && !chunked) {
            // No body: it can be sent again as it is. The request's own end is consumed here.
            exchange.replay = () -> Body.body(Buffer.buffer());
            request.resume();
            exchange.repeatable = safeToRepeat(request);
            exchange.attempt(null);
        } else if (safeToRepeat(request) && declared > 0 && declared <= config.retryBodyBytes()) {
            // A small idempotent write: hold its body, so that another replica can be sent the
            // same.
            request.body()
                    .onComplete(
                            read -> {
                                if (read.failed()) {
                                    LOG.debugf(
                                            "request %s: body not received: %s",
                                            requestId, read.cause());
                                    return; // the caller went away
                                }
                                Buffer body = read.result();
                                exchange.replay = () -> Body.body(body);
                                exchange.repeatable = true;
                                exchange.attempt(null);
                            });
            request.resume();
        } else {
            // streamed: sent to one replica only (another one only when none connected)
            exchange.attempt(null);
        }
    }

    /** GET, HEAD, OPTIONS, and writes that say how to repeat them safely. */
    static boolean safeToRepeat(HttpServerRequest request) {
        HttpMethod method = request.method();
        return method == HttpMethod.GET
                || method == HttpMethod.HEAD
                || method == HttpMethod.OPTIONS
                || request.getHeader("Idempotency-Key") != null
                || request.getHeader("If-Match") != null;
    }

    /**
     * A random (version 4) UUID from the thread's own generator: unique, not secret, so it needs
     * neither {@link UUID#randomUUID()}'s SecureRandom nor the lock around it on every request.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
