package org.innoreg.gateway.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/** The example of a message's data, made from its JSON Schema among the document's schemas. */
final class SchemaExamples {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SchemaExamples() {}

    /**
     * An example value from a schema: its example if it has one, else one built from its
     * properties.
     */
    static JsonNode of(JsonNode schema, ObjectNode schemas) {
        return of(schema, schemas, new HashSet<>());
    }

    /**
     * @param path the references being expanded: one met again is a recursion (a region's children
     *     are regions), whose example is left out
     */
    private static JsonNode of(JsonNode schema, ObjectNode schemas, Set<String> path) {
        if (schema == null) {
            return JSON.nullNode();
        }
        // an example beside a $ref (OpenAPI 3.1) says more than the referenced schema's
        if (schema.has("examples") && schema.get("examples").size() > 0) {
            return schema.get("examples").get(0);
        }
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring(ServiceSchemas.REF.length());
            if (!path.add(name)) {
                return JSON.nullNode();
            }
            JsonNode example = of(schemas.get(name), schemas, path);
            path.remove(name);
            return example;
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        for (String choice : new String[] {"anyOf", "oneOf"}) {
            if (schema.has(choice)) { // a nullable reference: the example of its other branch
                for (JsonNode branch : schema.get(choice)) {
                    if (!"null".equals(branch.path("type").asText())) {
                        return of(branch, schemas, path);
                    }
                }
                return JSON.nullNode();
            }
        }
        String type = type(schema);
        switch (type) {
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                Iterator<Map.Entry<String, JsonNode>> properties =
                        schema.path("properties").fields();
                while (properties.hasNext()) {
                    Map.Entry<String, JsonNode> property = properties.next();
                    JsonNode value = of(property.getValue(), schemas, path);
                    if (!value.isNull()) {
                        object.set(property.getKey(), value);
                    }
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                JsonNode item = of(schema.get("items"), schemas, path);
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

    /** The schema's type; of a nullable one (["string", "null"]) the other. */
    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode name : type) {
                if (!"null".equals(name.asText())) {
                    return name.asText();
                }
            }
            return "null";
        }
        return type.asText("object");
    }
}
