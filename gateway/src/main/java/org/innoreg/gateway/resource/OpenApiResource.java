package org.innoreg.gateway.resource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.innoreg.gateway.asyncapi.EventSchemas;
import org.innoreg.gateway.asyncapi.PublishedChannels;
import org.innoreg.gateway.openapi.OpenApiMerge;
import org.innoreg.gateway.openapi.OpenApiSources;
import org.innoreg.gateway.openapi.OpenApiSources.Fetched;
import org.innoreg.gateway.openapi.RateLimitDocs;
import org.innoreg.gateway.routing.RateLimiter;

/**
 * {@code /q/openapi} of the suite: the gateway's own operations (SmallRye serves them at {@code
 * /q/openapi-gateway}) merged with every service's live document. Swagger UI at the gateway shows
 * this one. {@code ?refresh=true} fetches the services' documents again first.
 */
@Path("/q/openapi")
@Blocking
public class OpenApiResource {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final OpenApiSources sources;
    private final ObjectMapper json;
    private final String ownPath;
    private final String title;
    private final String version;
    private final RateLimiter rateLimiter;

    OpenApiResource(
            OpenApiSources sources,
            ObjectMapper json,
            RateLimiter rateLimiter,
            @ConfigProperty(name = "quarkus.smallrye-openapi.path") String ownPath,
            @ConfigProperty(name = "quarkus.smallrye-openapi.info-title") String title,
            @ConfigProperty(name = "quarkus.smallrye-openapi.info-version") String version) {
        this.sources = sources;
        this.json = json;
        this.ownPath = ownPath;
        this.title = title;
        this.version = version;
        this.rateLimiter = rateLimiter;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/yaml", "application/vnd.oai.openapi"})
    @Operation(hidden = true)
    public Response document(
            @QueryParam("format") @DefaultValue("") String format,
            @QueryParam("refresh") @DefaultValue("false") boolean refresh,
            @Context UriInfo uri,
            @Context HttpHeaders headers)
            throws Exception {
        if (refresh || sources.current().stream().anyMatch(e -> e.getValue().document() == null)) {
            sources.refresh();
        }
        ObjectNode own =
                sources.get(
                        URI.create(uri.getBaseUri().toString()).resolve(ownPath + "?format=json"));
        List<OpenApiMerge.Source> inputs = new ArrayList<>();
        inputs.add(new OpenApiMerge.Source("gateway", own));
        Map<String, ObjectNode> services = new HashMap<>();
        StringBuilder status = new StringBuilder("\n\nServices in this document:");
        for (Map.Entry<String, Fetched> entry : sources.current()) {
            Fetched fetched = entry.getValue();
            if (fetched.document() != null) {
                inputs.add(new OpenApiMerge.Source(entry.getKey(), fetched.document()));
                services.put(entry.getKey(), fetched.document());
            }
            status.append("\n- ")
                    .append(entry.getKey())
                    .append(": ")
                    .append(
                            fetched.document() == null
                                    ? "**missing** (never reached: " + fetched.lastError() + ")"
                                    : fetched.lastError() == null
                                            ? "live"
                                            : "**unreachable now**; showing the copy of "
                                                    + fetched.fetchedAt());
        }
        List<String> notes = new ArrayList<>();
        ObjectNode info = own.path("info").deepCopy();
        info.put("title", title).put("version", version);
        // the address the caller used (X-Forwarded-Host/-Proto honoured, quarkus.http.proxy),
        // without the trailing slash
        String gateway = uri.getBaseUri().toString().replaceAll("/+$", "");
        ObjectNode merged = OpenApiMerge.merge(info, gateway, inputs, notes);
        notes.forEach(note -> status.append("\n- merge: ").append(note));
        // the feed's items typed by the services' schemas, now that they are merged, for the
        // topics the services' documents state
        EventSchemas.document(merged, PublishedChannels.of(services));
        if (rateLimiter.enabled()) {
            RateLimitDocs.document(
                    merged,
                    "reads "
                            + rateLimiter.limit(RateLimiter.RouteClass.READS)
                            + ", writes "
                            + rateLimiter.limit(RateLimiter.RouteClass.WRITES)
                            + ", imports "
                            + rateLimiter.limit(RateLimiter.RouteClass.IMPORTS)
                            + " per client per "
                            + rateLimiter.windowSeconds()
                            + " s");
        }
        info.put("description", info.path("description").asText("") + status);
        boolean yaml =
                format.equalsIgnoreCase("yaml")
                        || (!format.equalsIgnoreCase("json")
                                && headers.getAcceptableMediaTypes().stream()
                                        .anyMatch(t -> t.getSubtype().contains("yaml")));
        return yaml
                ? Response.ok(YAML.writeValueAsString(merged), "application/yaml").build()
                : Response.ok(
                                json.writerWithDefaultPrettyPrinter().writeValueAsString(merged),
                                MediaType.APPLICATION_JSON)
                        .build();
    }
}
