package org.innoreg.gateway.routing;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.gateway.config.GatewayConfig;

/**
 * Limits each client's requests under {@code /api/} per route class (reads, writes, imports) in
 * fixed windows of {@code innoreg.gateway.rate-limit.window}. Every answer carries {@code
 * RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds to the next
 * window; IETF draft "RateLimit header fields for HTTP"); past the limit the answer is a 429
 * problem with {@code Retry-After}, and the request goes no further.
 *
 * <p>The client is the bearer token's {@code sub}, read without verifying the token: the gateway
 * does not hold the services' trust settings and each service verifies every token itself, so a
 * forged token gains no access. It could gain a fresh budget, though, so every remote address also
 * has a ceiling, {@code per-address-factor} times each limit, over all the tokens it sends; a
 * request without a token counts as its address. Counters live in this gateway's memory: with
 * several gateway replicas each counts its own share.
 */
@ApplicationScoped
public class RateLimiter {

    public enum RouteClass {
        READS,
        WRITES,
        IMPORTS
    }

    private static final int MAX_TOKEN_CHARS = 8192;

    private final GatewayConfig.RateLimit config;
    private final long windowMillis;

    /** Key ("class|client") → {window number, requests admitted in it}. */
    private final ConcurrentHashMap<String, long[]> counters = new ConcurrentHashMap<>();

    RateLimiter(GatewayConfig config) {
        this.config = config.rateLimit();
        this.windowMillis = Math.max(1, this.config.window().toMillis());
    }

    void install(@Observes Router router, Vertx vertx) {
        if (!config.enabled()) {
            return;
        }
        // Just before the routing to the services and the gateway's own resources.
        router.route("/api/*").order(ServiceProxy.ROUTE_ORDER - 1).handler(this::check);
        vertx.setPeriodic(windowMillis, id -> sweep());
    }

    public boolean enabled() {
        return config.enabled();
    }

    public int limit(RouteClass routeClass) {
        return switch (routeClass) {
            case READS -> config.reads();
            case WRITES -> config.writes();
            case IMPORTS -> config.imports();
        };
    }

    public long windowSeconds() {
        return Math.max(1, windowMillis / 1000);
    }

    static RouteClass classify(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return RouteClass.READS;
        }
        String path = request.path();
        return method == HttpMethod.POST && (path.endsWith("/import") || path.endsWith("/import/"))
                ? RouteClass.IMPORTS
                : RouteClass.WRITES;
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        RouteClass routeClass = classify(request);
        int limit = limit(routeClass);
        long now = System.currentTimeMillis();
        long window = now / windowMillis;
        long resetSeconds = Math.max(1, ((window + 1) * windowMillis - now + 999) / 1000);
        String address =
                request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String subject = subject(request.getHeader("Authorization"));
        if (subject != null && counters.size() >= config.maxClients()) {
            subject = null; // too many clients tracked at once: count this one by its address
        }
        String prefix = routeClass.name() + "|";
        long remaining;
        int reported;
        if (subject == null) {
            remaining = admit(prefix + "ip:" + address, window, limit);
            reported = limit;
        } else {
            int ceiling =
                    (int)
                            Math.min(
                                    Integer.MAX_VALUE,
                                    (long) limit * Math.max(1, config.perAddressFactor()));
            String client = prefix + "sub:" + subject;
            remaining = admit(client, window, limit);
            reported = limit;
            if (remaining >= 0) {
                long addressRemaining = admit(prefix + "ip*:" + address, window, ceiling);
                if (addressRemaining < 0) {
                    refund(
                            client,
                            window); // refused by the address's ceiling: not the client's to pay
                    remaining = -1;
                    reported = ceiling;
                } else if (addressRemaining < remaining) {
                    remaining = addressRemaining;
                    reported = ceiling;
                }
            }
        }
        var response = context.response();
        response.putHeader("RateLimit-Limit", String.valueOf(reported))
                .putHeader("RateLimit-Remaining", String.valueOf(Math.max(0, remaining)))
                .putHeader("RateLimit-Reset", String.valueOf(resetSeconds));
        if (remaining >= 0) {
            context.next();
            return;
        }
        Locale locale = GatewayProblems.language(request);
        String routeClassName =
                Messages.text(
                        locale,
                        "gateway.route-class." + routeClass.name().toLowerCase(Locale.ROOT));
        response.putHeader("Retry-After", String.valueOf(resetSeconds));
        GatewayProblems.send(
                response,
                GatewayProblems.of(
                                locale,
                                429,
                                "rate-limited",
                                reported,
                                routeClassName,
                                windowSeconds(),
                                resetSeconds)
                        .put("instance", request.path()));
    }

    /** Admits one request if the key has room in this window: the room left after it, else -1. */
    private long admit(String key, long window, int limit) {
        long[] result = new long[1];
        counters.compute(
                key,
                (k, counter) -> {
                    if (counter == null || counter[0] != window) {
                        counter = new long[] {window, 0};
                    }
                    if (counter[1] < limit) {
                        counter[1]++;
                        result[0] = limit - counter[1];
                    } else {
                        result[0] = -1;
                    }
                    return counter;
                });
        return result[0];
    }

    private void refund(String key, long window) {
        counters.computeIfPresent(
                key,
                (k, counter) -> {
                    if (counter[0] == window && counter[1] > 0) {
                        counter[1]--;
                    }
                    return counter;
                });
    }

    private void sweep() {
        long window = System.currentTimeMillis() / windowMillis;
        counters.values().removeIf(counter -> counter[0] < window);
    }

    /**
     * The {@code sub} claim of a bearer JWT, unverified; null when there is none or the token is
     * not a JWT.
     */
    static String subject(String authorization) {
        if (authorization == null
                || authorization.length() > MAX_TOKEN_CHARS
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).strip();
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (second < 0) {
            return null;
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(token.substring(first + 1, second));
            Object sub =
                    new JsonObject(new String(payload, StandardCharsets.UTF_8)).getValue("sub");
            return sub instanceof String text && !text.isBlank() && text.length() <= 256
                    ? text
                    : null;
        } catch (RuntimeException e) {
            return null; // not base64url, not JSON: the service will say 401; counted by address
            // here
        }
    }
}
