package org.innoreg.gateway.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** The example of a message's data, made from its JSON Schema among the document's schemas. */
final class SchemaExamples {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SchemaExamples() {}

    /**
     * An example value from a schema: its example if it has one, else one built from its
     * properties.
     */
    static JsonNode of(JsonNode schema, ObjectNode schemas, int depth) {
        if (schema == null || depth > 4) {
            return JSON.nullNode();
        }
        if (schema.has("$ref")) {
            return of(
                    schemas.get(schema.get("$ref").asText().substring(ServiceSchemas.REF.length())),
                    schemas,
                    depth + 1);
        }
        if (schema.has("examples") && schema.get("examples").size() > 0) {
            return schema.get("examples").get(0);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        String type = schema.path("type").asText("object");
        switch (type) {
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                Iterator<Map.Entry<String, JsonNode>> properties =
                        schema.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    JsonNode value = of(property.getValue(), schemas, depth + 1);
                    if (!value.isNull()) {
                        object.set(property.getKey(), value);
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                JsonNode item = of(schema.get("items"), schemas, depth + 1);
                if (!item.isNull()) {
                    array.add(item);
                }
                return array;
            }
            case "integer", "number" -> {
                return JSON.numberNode(1);
            }
            case "boolean" -> {
                return JSON.booleanNode(true);
            }
            default -> {
                return "uuid".equals(schema.path("format").asText())
                        ? JSON.textNode("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")
                        : "date".equals(schema.path("format").asText())
                                ? JSON.textNode("2020-12-31")
                                : "date-time".equals(schema.path("format").asText())
                                        ? JSON.textNode("2026-11-22T08:00:00Z")
                                        : JSON.textNode("text");
            }
        }
    }
}
