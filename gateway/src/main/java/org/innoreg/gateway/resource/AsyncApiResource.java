package org.innoreg.gateway.resource;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.gateway.asyncapi.AsyncApiDocument;
import org.innoreg.gateway.openapi.OpenApiSources;

@Path("/asyncapi.yaml")
@Blocking
@Tag(name = "Event feed")
public class AsyncApiResource {

    private static final YAMLMapper YAML = new YAMLMapper();

    private final OpenApiSources sources;
    private final String version;
    private final String kafka;

    AsyncApiResource(
            OpenApiSources sources,
            @ConfigProperty(name = "quarkus.smallrye-openapi.info-version") String version,
            @ConfigProperty(name = "kafka.bootstrap.servers") String kafka) {
        this.sources = sources;
        this.version = version;
        this.kafka = kafka;
    }

    @GET
    @Produces("application/yaml")
    @Operation(
            operationId = "getAsyncApiDocument",
            summary = "AsyncAPI 3 document of every topic",
            description =
                    "Topics, keys, CloudEvents attributes, the JSON Schema of each event's data and an example: "
                            + "what a partner needs to consume Kafka directly.")
    @APIResponse(responseCode = "200", description = "The AsyncAPI document (YAML)")
    public Response document() throws Exception {
        if (sources.current().stream().anyMatch(e -> e.getValue().document() == null)) {
            sources.refresh();
        }
        Map<String, com.fasterxml.jackson.databind.node.ObjectNode> openApi = new HashMap<>();
        sources.current()
                .forEach(
                        entry -> {
                            if (entry.getValue().document() != null) {
                                openApi.put(entry.getKey(), entry.getValue().document());
                            }
                        });
        String host = kafka.split(",")[0].strip();
        return Response.ok(
                        YAML.writeValueAsString(AsyncApiDocument.build(version, host, openApi)),
                        "application/yaml")
                .build();
    }
}
