package org.innoreg.gateway.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.innoreg.gateway.config.GatewayConfig;

/**
 * Reports whether each service behind the gateway is ready. The gateway itself stays ready when one is
 * not: it still routes to the others and serves the event feed, and answers 503 for the missing one.
 */
@Readiness
@ApplicationScoped
public class DownstreamServicesCheck implements HealthCheck {

    private final GatewayConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    DownstreamServicesCheck(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Services behind the gateway").up();
        config.services().forEach((name, service) -> response.withData(name, status(service)));
        return response.build();
    }

    /** One replica: UP or DOWN (why); several: UP (n of n), DEGRADED (k of n up: …) or DOWN (…), each replica named. */
    private String status(GatewayConfig.Service service) {
        if (service.url().size() == 1) {
            return status(service.url().get(0));
        }
        List<String> each = service.url().stream().map(url -> url.getAuthority() + " " + status(url)).toList();
        long up = each.stream().filter(line -> line.endsWith(" UP")).count();
        String verdict = up == each.size() ? "UP" : up == 0 ? "DOWN" : "DEGRADED";
        return verdict + " (" + up + " of " + each.size() + " up: " + String.join(", ", each) + ")";
    }

    private String status(URI replica) {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(replica.resolve("/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200 ? "UP" : "DOWN (HTTP " + answer.statusCode() + ")";
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "DOWN (" + e.getClass().getSimpleName() + ")";
        }
    }
}
