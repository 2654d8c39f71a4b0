package org.innoreg.gateway.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A message's example is a value its schema accepts, however deep and nullable the schema. */
@Tag("fast")
class SchemaExamplesTest {

    private static final String SCHEMAS =
            """
            {
              "Platform": {"type": "object", "properties": {
                "level": {"anyOf": [{"$ref": "#/components/schemas/Level"}, {"type": "null"}]},
                "fields": {"type": ["array", "null"], "items": {"type": "string"}},
                "detail": {"anyOf": [{"$ref": "#/components/schemas/Detail"}, {"type": "null"}]},
                "kind": {"$ref": "#/components/schemas/Level", "examples": ["PROVINCIAL"]}}},
              "Level": {"type": "string", "enum": ["NATIONAL", "PROVINCIAL"]},
              "Detail": {"type": "object", "properties": {
                "academicians": {"type": ["array", "null"], "items": {"$ref": "#/components/schemas/Academician"}}}},
              "Academician": {"type": "object", "required": ["name"], "properties": {
                "name": {"type": "string", "examples": ["袁隆平"]},
                "region": {"$ref": "#/components/schemas/Region"}}},
              "Region": {"type": "object", "properties": {
                "code": {"type": ["string", "null"], "examples": ["430703"]},
                "children": {"type": ["array", "null"], "items": {"$ref": "#/components/schemas/Region"}}}}
            }
            """;

    @Test
    void nullableReferencesAndArraysAreFilledAtAnyDepthAndRecursionStops() throws Exception {
        ObjectNode schemas = (ObjectNode) new ObjectMapper().readTree(SCHEMAS);

        JsonNode example = SchemaExamples.of(schemas.get("Platform"), schemas);

        assertThat(example.path("level").asText()).isEqualTo("NATIONAL");
        assertThat(example.path("fields").isArray()).isTrue();
        assertThat(example.path("kind").asText())
                .as("the example beside the $ref")
                .isEqualTo("PROVINCIAL");
        JsonNode academician = example.path("detail").path("academicians").path(0);
        assertThat(academician.path("name").asText()).isEqualTo("袁隆平");
        JsonNode region = academician.path("region");
        assertThat(region.path("code").asText()).isEqualTo("430703");
        assertThat(region.path("children").isArray()).isTrue();
        assertThat(region.path("children"))
                .as("a region's children are regions: not expanded")
                .isEmpty();
    }
}
