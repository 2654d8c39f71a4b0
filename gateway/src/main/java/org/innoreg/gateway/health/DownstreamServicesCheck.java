package org.innoreg.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.innoreg.gateway.config.GatewayConfig;

/**
 * Reports whether each service behind the gateway is ready. The gateway itself stays ready when one
 * is not: it still routes to the others and serves the event feed, and answers 503 for the missing
 * one.
 */
@Readiness
@ApplicationScoped
public class DownstreamServicesCheck implements HealthCheck {

    /**
     * Every replica is asked at once, each for at most this long: the whole answer comes within a
     * second.
     */
    private static final Duration REPLICA_TIMEOUT = Duration.ofMillis(800);

    private final GatewayConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REPLICA_TIMEOUT).build();

    DownstreamServicesCheck(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        Map<String, List<CompletableFuture<String>>> asked = new TreeMap<>();
        config.services()
                .forEach(
                        (name, service) ->
                                asked.put(name, service.url().stream().map(this::status).toList()));
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("Services behind the gateway").up();
        asked.forEach(
                (name, replies) ->
                        response.withData(
                                name, verdict(config.services().get(name).url(), replies)));
        return response.build();
    }

    /**
     * One replica: UP or DOWN (why); several: UP (n of n), DEGRADED (k of n up: …) or DOWN (…),
     * each replica named.
     */
    private static String verdict(List<URI> replicas, List<CompletableFuture<String>> replies) {
        List<String> each = replies.stream().map(CompletableFuture::join).toList();
        if (each.size() == 1) {
            return each.get(0);
        }
        long up = each.stream().filter("UP"::equals).count();
        String verdict = up == each.size() ? "UP" : up == 0 ? "DOWN" : "DEGRADED";
        List<String> named = new ArrayList<>();
        for (int i = 0; i < each.size(); i++) {
            named.add(replicas.get(i).getAuthority() + " " + each.get(i));
        }
        return verdict
                + " ("
                + up
                + " of "
                + each.size()
                + " up: "
                + String.join(", ", named)
                + ")";
    }

    private CompletableFuture<String> status(URI replica) {
        return http.sendAsync(
                        HttpRequest.newBuilder(replica.resolve("/q/health/ready"))
                                .timeout(REPLICA_TIMEOUT)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .thenApply(
                        answer ->
                                answer.statusCode() == 200
                                        ? "UP"
                                        : "DOWN (HTTP " + answer.statusCode() + ")")
                .exceptionally(
                        e ->
                                "DOWN ("
                                        + (e.getCause() != null ? e.getCause() : e)
                                                .getClass()
                                                .getSimpleName()
                                        + ")")
                .completeOnTimeout(
                        "DOWN (no answer in " + REPLICA_TIMEOUT.toMillis() + " ms)",
                        REPLICA_TIMEOUT.toMillis() + 100,
                        TimeUnit.MILLISECONDS);
    }
}
