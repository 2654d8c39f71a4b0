package org.innoreg.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Adds the gateway's rate limit to the merged document: a {@code TooManyRequests} response (a
 * problem, with {@code Retry-After} and the {@code RateLimit-*} headers) on every operation under
 * {@code /api/}, and the {@code RateLimit-*} headers' components.
 */
public final class RateLimitDocs {

    private static final Set<String> METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private RateLimitDocs() {}

    /**
     * @param limits e.g. "reads 6000, writes 600, imports 30 per client per 60 s"
     */
    public static void document(ObjectNode merged, String limits) {
        ObjectNode components =
                merged.has("components")
                        ? (ObjectNode) merged.get("components")
                        : merged.putObject("components");
        ObjectNode headers =
                components.has("headers")
                        ? (ObjectNode) components.get("headers")
                        : components.putObject("headers");
        header(
                headers,
                "RateLimit-Limit",
                "Requests a client may make of this route class in the current window.");
        header(
                headers,
                "RateLimit-Remaining",
                "Requests left to the client in the current window.");
        header(
                headers,
                "RateLimit-Reset",
                "Seconds until the current window ends and the count starts again.");
        header(headers, "Retry-After", "Seconds to wait before sending the request again.");
        ObjectNode responses =
                components.has("responses")
                        ? (ObjectNode) components.get("responses")
                        : components.putObject("responses");
        ObjectNode tooMany = responses.putObject("TooManyRequests");
        tooMany.put(
                "description",
                "Too many requests from this client (the bearer token's subject, else the address): "
                        + limits
                        + ". Retry after the number of seconds in Retry-After.");
        ObjectNode answerHeaders = tooMany.putObject("headers");
        for (String name :
                new String[] {
                    "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"
                }) {
            answerHeaders.putObject(name).put("$ref", "#/components/headers/" + name);
        }
        ObjectNode media = tooMany.putObject("content").putObject("application/problem+json");
        if (components.path("schemas").has("Problem")) {
            media.putObject("schema").put("$ref", "#/components/schemas/Problem");
        } else {
            media.putObject("schema").put("type", "object");
        }
        media.putObject("example")
                .put("type", "urn:innoreg:problem:rate-limited")
                .put("title", "Too many requests")
                .put("status", 429)
                .put("detail", "more than 600 writes in 60 s from this client; retry in 17 s")
                .put("instance", "/api/v1/platforms");
        Iterator<Map.Entry<String, JsonNode>> paths = merged.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            path.getValue()
                    .fields()
                    .forEachRemaining(
                            operation -> {
                                if (METHODS.contains(operation.getKey())
                                        && operation.getValue() instanceof ObjectNode op) {
                                    ObjectNode opResponses =
                                            op.has("responses")
                                                    ? (ObjectNode) op.get("responses")
                                                    : op.putObject("responses");
                                    if (!opResponses.has("429")) {
                                        opResponses
                                                .putObject("429")
                                                .put(
                                                        "$ref",
                                                        "#/components/responses/TooManyRequests");
                                    }
                                }
                            });
        }
    }

    private static void header(ObjectNode headers, String name, String description) {
        headers.putObject(name)
                .put("description", description)
                .putObject("schema")
                .put("type", "integer")
                .put("minimum", 0);
    }
}
