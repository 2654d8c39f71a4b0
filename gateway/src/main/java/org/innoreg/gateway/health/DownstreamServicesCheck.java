package org.innoreg.gateway.health;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

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

    private String status(GatewayConfig.Service service) {
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(service.url().resolve("/q/health/ready"))
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
