package org.innoreg.gateway.routing;

import io.vertx.core.AsyncResult;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.innoreg.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * One request on its way through {@link ServiceProxy}: the replica it is sent to, at most one more
 * when the first fails and the request may go again, and the problem the caller gets when no
 * replica answered (503 none connected, 502 the connection broke, 504 no answer in time).
 */
final class ProxyExchange {

    /** The proxy's log, as operators know it. */
    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);

    private final RoutingContext context;
    private final Replicas replicas;
    private final String requestId;
    private final GatewayConfig config;
    private final Supplier<HttpClient> client;

    /**
     * A fresh copy of the body for each attempt; null when the body is streamed (one attempt only).
     */
    Supplier<Body> replay;

    /** Whether a request that reached a replica may be sent to another one (idempotent). */
    boolean repeatable;

    /** The caller's {@code Expect: 100-continue} was answered here. */
    boolean noExpect;

    private boolean retried;

    /**
     * @param client the event loop's own client (and connection pool)
     */
    ProxyExchange(
            RoutingContext context,
            Replicas replicas,
            String requestId,
            GatewayConfig config,
            Supplier<HttpClient> client) {
        this.context = context;
        this.replicas = replicas;
        this.requestId = requestId;
        this.config = config;
        this.client = client;
    }

    /** Sends the request to a replica other than {@code not} (null: any). */
    void attempt(Replicas.Replica not) {
        Replicas.Replica replica = replicas.pick(not);
        HttpServerRequest request = context.request();
        RequestOptions options =
                new RequestOptions()
                        .setMethod(request.method())
                        .setHost(replica.host)
                        .setPort(replica.port)
                        .setURI(request.uri())
                        .setIdleTimeout(config.timeout().toMillis());
        client.get().request(options).onComplete(connected -> connected(replica, connected));
    }

    private void connected(Replicas.Replica replica, AsyncResult<HttpClientRequest> connected) {
        if (context.response().closed()) {
            if (connected.succeeded()) {
                connected.result().reset();
            }
            return; // the caller went away meanwhile
        }
        if (connected.failed()) {
            // Nothing was sent: any request may go to another replica.
            replicas.failed(replica);
            if (retry(replica, true)) {
                return;
            }
            failure(503, replica, connected.cause());
            return;
        }
        HttpClientRequest upstream = connected.result();
        // a reset of it (the caller went away) is expected: not an error to log
        upstream.exceptionHandler(
                error -> LOG.debugf("request %s to %s: %s", requestId, replica, error.toString()));
        HttpServerRequest request = context.request();
        ProxyRequest proxyRequest = ProxyRequest.reverseProxy(new QuietReset(request));
        if (replay != null) {
            proxyRequest.setBody(replay.get());
        }
        // X-Forwarded-Host: the caller's
        proxyRequest.setAuthority(HostAndPort.create(replica.host, replica.port));
        if (noExpect) {
            proxyRequest.headers().remove("Expect");
        }
        proxyRequest.putHeader(ServiceProxy.REQUEST_ID, requestId);
        proxyRequest.putHeader("X-Forwarded-Proto", request.scheme());
        if (request.remoteAddress() != null) {
            String before = request.getHeader("X-Forwarded-For");
            String address = request.remoteAddress().hostAddress();
            proxyRequest.putHeader(
                    "X-Forwarded-For", before == null ? address : before + ", " + address);
        }
        proxyRequest.send(upstream).onComplete(answered -> answered(replica, answered));
    }

    private void answered(Replicas.Replica replica, AsyncResult<ProxyResponse> answered) {
        if (answered.failed()) {
            if (context.response().closed()) {
                LOG.debugf(
                        "request %s: the caller went away before %s answered", requestId, replica);
                return;
            }
            Throwable cause = answered.cause();
            if (isTimeout(cause)) {
                failure(504, replica, cause);
                return;
            }
            replicas.failed(replica);
            if (repeatable && replay != null && retry(replica, false)) {
                return;
            }
            failure(502, replica, cause);
            return;
        }
        replicas.answered(replica);
        answered.result()
                .putHeader(ServiceProxy.REQUEST_ID, requestId)
                .send()
                .onFailure(
                        // the caller went away mid-answer, or the service cut its answer: both
                        // ends are reset
                        cut ->
                                LOG.debugf(
                                        "request %s: answer from %s cut: %s",
                                        requestId, replica, cut.toString()));
    }

    /** Sends the request once to another replica, when there is one; false when not retried. */
    private boolean retry(Replicas.Replica failed, boolean nothingSent) {
        if (retried || (!nothingSent && replay == null)) {
            return false;
        }
        Replicas.Replica other = replicas.pick(failed);
        if (other == null) {
            return false;
        }
        retried = true;
        LOG.debugf("request %s: %s failed, trying %s", requestId, failed, other);
        attempt(failed);
        return true;
    }

    private void failure(int status, Replicas.Replica replica, Throwable cause) {
        HttpServerRequest request = context.request();
        LOG.warnf(
                "%s: %s %s (request %s) answered %d: %s",
                replica, request.method(), request.path(), requestId, status, cause.toString());
        request.resume(); // drain what the caller still sends
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        String type =
                switch (status) {
                    case 504 -> "upstream-timeout";
                    case 502 -> "upstream-failed";
                    default -> "service-unavailable";
                };
        Locale locale = GatewayProblems.language(request);
        response.putHeader(ServiceProxy.REQUEST_ID, requestId);
        if (status == 503) {
            response.putHeader(
                    "Retry-After",
                    String.valueOf(Math.max(1, config.replicaRetryAfter().toSeconds())));
        }
        GatewayProblems.send(
                response,
                GatewayProblems.of(
                                locale,
                                status,
                                type,
                                replicas.service,
                                config.timeout().toSeconds())
                        .put("instance", request.path())
                        .put("service", replicas.service));
    }

    private static boolean isTimeout(Throwable cause) {
        return cause instanceof TimeoutException
                || String.valueOf(cause.getMessage()).contains("timeout period");
    }
}
