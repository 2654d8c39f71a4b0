package org.innoreg.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class OpenApiMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode doc(String path, String pageDefinition) throws Exception {
        return (ObjectNode)
                JSON.readTree(
                        """
                {"openapi":"3.1.0","info":{"title":"x","version":"1"},
                 "tags":[{"name":"T%s","description":"tag of %s"}],
                 "paths":{"%s":{"get":{"tags":["T%s"],"responses":{"200":{"description":"ok",
                   "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Page"}}}},
                   "400":{"description":"bad","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
                 "components":{"schemas":{"Page":%s,"Problem":{"type":"object","properties":{"status":{"type":"integer"}}}}}}
                """
                                .formatted(path, path, path, path, pageDefinition));
    }

    @Test
    void collidingComponentsAreRenamedPerServiceAndIdenticalOnesKeptOnce() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode merged =
                OpenApiMerge.merge(
                        JSON.createObjectNode().put("title", "Suite"),
                        List.of(
                                new OpenApiMerge.Source(
                                        "registry",
                                        doc(
                                                "/api/v1/platforms",
                                                "{\"type\":\"object\",\"title\":\"platforms\"}")),
                                new OpenApiMerge.Source(
                                        "projects",
                                        doc(
                                                "/api/v1/projects",
                                                "{\"type\":\"object\",\"title\":\"projects\"}"))),
                        notes);

        assertThat(OpenApiMerge.schemaNames(merged))
                .containsExactlyInAnyOrder("registry.Page", "projects.Page", "Problem");
        assertThat(
                        merged.at(
                                        "/paths/~1api~1v1~1platforms/get/responses/200/content/application~1json/schema/$ref")
                                .asText())
                .isEqualTo("#/components/schemas/registry.Page");
        assertThat(
                        merged.at(
                                        "/paths/~1api~1v1~1projects/get/responses/200/content/application~1json/schema/$ref")
                                .asText())
                .isEqualTo("#/components/schemas/projects.Page");
        assertThat(
                        merged.at(
                                        "/paths/~1api~1v1~1projects/get/responses/400/content/application~1problem+json/schema/$ref")
                                .asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(merged.at("/servers/0/url").asText())
                .as("without the gateway's address")
                .isEqualTo("/");
        assertThat(merged.at("/x-tagGroups/0/name").asText()).isEqualTo("Registry");
        assertThat(merged.path("tags")).hasSize(2);
        assertThat(notes).isEmpty();
    }

    @Test
    void aPathClaimedTwiceIsKeptOnceAndNoted() throws Exception {
        List<String> notes = new ArrayList<>();
        ObjectNode merged =
                OpenApiMerge.merge(
                        JSON.createObjectNode(),
                        List.of(
                                new OpenApiMerge.Source(
                                        "registry", doc("/api/v1/x", "{\"type\":\"object\"}")),
                                new OpenApiMerge.Source(
                                        "projects", doc("/api/v1/x", "{\"type\":\"object\"}"))),
                        notes);
        assertThat(merged.path("paths").size()).isEqualTo(1);
        assertThat(notes).singleElement().asString().contains("/api/v1/x", "projects");
    }
}
