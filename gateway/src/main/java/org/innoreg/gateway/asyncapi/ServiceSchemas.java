package org.innoreg.gateway.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The schemas of the AsyncAPI document that come from a service's OpenAPI document: copied with
 * everything they reference, each named {@code <service>.<Name>} so that two services' schemas of
 * one name do not clash.
 */
final class ServiceSchemas {

    static final String REF = "#/components/schemas/";

    private ServiceSchemas() {}

    /**
     * Copies a schema and every schema it references from the service's document, prefixed by the
     * service.
     */
    static void copyClosure(ObjectNode openApi, String root, String service, ObjectNode target) {
        if (openApi == null) {
            return;
        }
        JsonNode available = openApi.path("components").path("schemas");
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            String name = todo.poll();
            if (!seen.add(name) || !available.has(name)) {
                continue;
            }
            JsonNode copy = available.get(name).deepCopy();
            prefixRefs(copy, service, todo);
            target.set(service + "." + name, copy);
        }
    }

    private static void prefixRefs(JsonNode node, String service, Deque<String> found) {
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.asText().startsWith(REF)) {
                String name = ref.asText().substring(REF.length());
                found.add(name);
                object.put("$ref", REF + service + "." + name);
            }
            object.elements().forEachRemaining(child -> prefixRefs(child, service, found));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> prefixRefs(child, service, found));
        }
    }
}
