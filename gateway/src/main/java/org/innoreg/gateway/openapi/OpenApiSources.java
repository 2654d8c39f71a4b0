package org.innoreg.gateway.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.innoreg.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

/**
 * The services' live OpenAPI documents, fetched from their {@code /q/openapi} now and then and on
 * demand. The last good copy of each is kept, so a service that is down still appears (marked as
 * such).
 */
@ApplicationScoped
public class OpenApiSources {

    private static final Logger LOG = Logger.getLogger(OpenApiSources.class);

    /** A service's document as last fetched, and whether the last attempt reached it. */
    public record Fetched(ObjectNode document, Instant fetchedAt, String lastError) {}

    private final GatewayConfig config;
    private final ObjectMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Fetched> documents = new ConcurrentHashMap<>();

    OpenApiSources(GatewayConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    @Scheduled(
            every = "${innoreg.gateway.openapi-refresh:30s}",
            delay = 2,
            delayUnit = java.util.concurrent.TimeUnit.SECONDS,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        config.services()
                .forEach(
                        (name, service) ->
                                documents.compute(
                                        name,
                                        (key, previous) -> fetch(name, service.url(), previous)));
    }

    /** The documents in a stable order (by service name); services never reached are absent. */
    public List<Map.Entry<String, Fetched>> current() {
        List<Map.Entry<String, Fetched>> entries = new ArrayList<>();
        config.services().keySet().stream()
                .sorted()
                .forEach(
                        name -> {
                            Fetched fetched = documents.get(name);
                            entries.add(
                                    Map.entry(
                                            name,
                                            fetched == null
                                                    ? new Fetched(null, null, "not fetched yet")
                                                    : fetched));
                        });
        return entries;
    }

    /** Fetches one document (for the gateway's own, too); null on any failure. */
    public ObjectNode get(URI uri) throws Exception {
        HttpResponse<byte[]> response =
                http.send(
                        HttpRequest.newBuilder(uri)
                                .timeout(Duration.ofSeconds(5))
                                .header("Accept", "application/json")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return (ObjectNode) json.readTree(response.body());
    }

    /** From the first of the service's replicas that answers. */
    private Fetched fetch(String name, List<URI> replicas, Fetched previous) {
        Exception failure = null;
        for (URI replica : replicas) {
            URI uri = replica.resolve("/q/openapi?format=json");
            try {
                return new Fetched(get(uri), Instant.now(), null);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    failure = e;
                    break;
                }
                LOG.debugf("OpenAPI of %s not fetched from %s: %s", name, uri, e.toString());
                failure = e;
            }
        }
        return previous == null
                ? new Fetched(null, null, failure.toString())
                : new Fetched(previous.document(), previous.fetchedAt(), failure.toString());
    }
}
