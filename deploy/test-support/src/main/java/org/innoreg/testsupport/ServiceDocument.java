package org.innoreg.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A running service's own OpenAPI document, as the walkers over it ({@link OpenApiFuzzer}, {@link
 * SecurityMatrix}) read it: its operations, its references resolved, and a plausible instance of
 * any of its schemas.
 */
final class ServiceDocument {

    /** The methods that change something. */
    static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");

    /** The HTTP/1.1 client the walkers send every request with. */
    static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * One operation of the document.
     *
     * @param method lower case, as the document keys it ({@code post})
     */
    record Operation(String method, String path, JsonNode node) {

        boolean write() {
            return WRITES.contains(method);
        }
    }

    private final JsonNode document;

    private ServiceDocument(JsonNode document) {
        this.document = document;
    }

    /** The document the service serves at {@code url}. */
    static ServiceDocument fetch(String url) throws IOException, InterruptedException {
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(url)).build(),
                        HttpResponse.BodyHandlers.ofString());
        return new ServiceDocument(JSON.readTree(response.body()));
    }

    /** Every operation, path by path in the document's order. */
    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = document.path("paths").fields();
                p.hasNext(); ) {
            var path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields();
                    o.hasNext(); ) {
                var operation = o.next();
                operations.add(
                        new Operation(operation.getKey(), path.getKey(), operation.getValue()));
            }
        }
        return operations;
    }

    /** What a {@code $ref} (or a chain of them) points to; the node itself when it is none. */
    JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current;
    }

    /**
     * A plausible instance of a schema: its example, its first enum value, or a value of its type.
     */
    JsonNode example(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("example")) {
            return s.get("example").deepCopy();
        }
        if (s.has("enum")) {
            return s.get("enum").get(0).deepCopy();
        }
        if (s.has("allOf") && s.get("allOf").size() > 0) {
            return example(s.get("allOf").get(0), depth);
        }
        if (s.has("anyOf") && s.get("anyOf").size() > 0) {
            // a nullable reference ({"anyOf": [{"$ref": ...}, {"type": "null"}]}): the value, not
            // the null
            return example(s.get("anyOf").get(0), depth);
        }
        return switch (type(s)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 3) {
                    s.path("properties")
                            .fields()
                            .forEachRemaining(
                                    p -> object.set(p.getKey(), example(p.getValue(), depth + 1)));
                }
                yield object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 3) {
                    array.add(example(s.path("items"), depth + 1));
                }
                yield array;
            }
            case "integer" -> NODES.numberNode(1);
            case "number" -> NODES.numberNode(1.5);
            case "boolean" -> NODES.booleanNode(true);
            default ->
                    switch (s.path("format").asText()) {
                        case "date" -> NODES.textNode("2019-06-01");
                        case "date-time" -> NODES.textNode("2019-06-01T08:00:00Z");
                        case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                        default -> NODES.textNode("x");
                    };
        };
    }

    /** A schema's type; of OpenAPI 3.1's {@code ["string", "null"]} the first that is not null. */
    private static String type(JsonNode s) {
        if (!s.path("type").isArray()) {
            return s.path("type").asText(s.has("properties") ? "object" : "string");
        }
        for (JsonNode one : s.path("type")) {
            if (!one.asText().equals("null")) {
                return one.asText();
            }
        }
        return "string";
    }
}
