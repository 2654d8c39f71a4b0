package org.innoreg.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the OpenAPI documents of the gateway and its services into one. Paths are disjoint by
 * design. A component name that two documents define differently is renamed in each, to {@code
 * <service>.<Name>}, and that document's references follow: nothing is silently overwritten.
 * Identical components (the chassis's Problem, Page…) are kept once.
 */
public final class OpenApiMerge {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String[] COMPONENT_KINDS = {
        "schemas",
        "responses",
        "parameters",
        "examples",
        "requestBodies",
        "headers",
        "securitySchemes",
        "links",
        "callbacks"
    };

    /** One input document, by the name of the service it describes. */
    public record Source(String service, ObjectNode document) {}

    private OpenApiMerge() {}

    /**
     * @param sources the gateway's own document first, then each service's
     * @param notes problems found while merging are added here (a path two services claim, say)
     */
    public static ObjectNode merge(ObjectNode info, List<Source> sources, List<String> notes) {
        return merge(info, "/", sources, notes);
    }

    /**
     * @param gateway the gateway's address as the caller reached it (a generated client's default
     *     base URL: a relative {@code /} gives clients outside a browser no host to call)
     */
    public static ObjectNode merge(
            ObjectNode info, String gateway, List<Source> sources, List<String> notes) {
        ObjectNode merged = JSON.objectNode();
        merged.put(
                "openapi",
                sources.isEmpty()
                        ? "3.1.0"
                        : sources.get(0).document().path("openapi").asText("3.1.0"));
        merged.set("info", info);
        merged.set(
                "servers",
                JSON.arrayNode()
                        .add(
                                JSON.objectNode()
                                        .put("url", gateway)
                                        .put(
                                                "description",
                                                "The Innovation Registry gateway: every path of this document is reached through it")));
        // Root-level security as the services declare it (all do the same, through the chassis).
        sources.stream()
                .map(source -> source.document().get("security"))
                .filter(security -> security != null)
                .findFirst()
                .ifPresent(security -> merged.set("security", security.deepCopy()));
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = JSON.objectNode();
        Map<String, ObjectNode> tags = new LinkedHashMap<>();
        ArrayNode tagGroups = JSON.arrayNode();

        Map<String, Map<String, String>> renames = renamesForConflicts(sources);
        for (Source source : sources) {
            ObjectNode document = source.document().deepCopy();
            rewriteRefs(document, renames.getOrDefault(source.service(), Map.of()));
            mergePaths(paths, document.path("paths"), source.service(), notes);
            mergeComponents(
                    components,
                    document.path("components"),
                    renames.getOrDefault(source.service(), Map.of()),
                    source.service(),
                    notes);
            Set<String> groupTags = collectTags(document, tags);
            if (!groupTags.isEmpty()) {
                ObjectNode group = tagGroups.addObject().put("name", capitalised(source.service()));
                groupTags.forEach(group.putArray("tags")::add);
            }
        }
        if (!components.isEmpty()) {
            merged.set("components", components);
        }
        ArrayNode tagList = merged.putArray("tags");
        tags.values().forEach(tagList::add);
        merged.set("x-tagGroups", tagGroups);
        return merged;
    }

    /**
     * Per service: component name → new name, for every schema name defined differently elsewhere.
     */
    static Map<String, Map<String, String>> renamesForConflicts(List<Source> sources) {
        Map<String, Map<String, JsonNode>> definitions =
                new HashMap<>(); // name → service → definition
        for (Source source : sources) {
            source.document()
                    .path("components")
                    .path("schemas")
                    .fields()
                    .forEachRemaining(
                            entry ->
                                    definitions
                                            .computeIfAbsent(
                                                    entry.getKey(), k -> new LinkedHashMap<>())
                                            .put(source.service(), entry.getValue()));
        }
        Map<String, Map<String, String>> renames = new HashMap<>();
        definitions.forEach(
                (name, byService) -> {
                    if (new LinkedHashSet<>(byService.values()).size() > 1) {
                        byService
                                .keySet()
                                .forEach(
                                        service ->
                                                renames.computeIfAbsent(
                                                                service, s -> new HashMap<>())
                                                        .put(name, service + "." + name));
                    }
                });
        return renames;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null
                    && ref.isTextual()
                    && ref.asText().startsWith("#/components/schemas/")) {
                String name = ref.asText().substring("#/components/schemas/".length());
                if (renames.containsKey(name)) {
                    object.set(
                            "$ref", TextNode.valueOf("#/components/schemas/" + renames.get(name)));
                }
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }

    private static void mergePaths(
            ObjectNode paths, JsonNode from, String service, List<String> notes) {
        from.fields()
                .forEachRemaining(
                        path -> {
                            if (paths.has(path.getKey())) {
                                notes.add(
                                        "path "
                                                + path.getKey()
                                                + " of "
                                                + service
                                                + " is also another service's: left out");
                            } else {
                                paths.set(path.getKey(), path.getValue());
                            }
                        });
    }

    private static void mergeComponents(
            ObjectNode components,
            JsonNode from,
            Map<String, String> renames,
            String service,
            List<String> notes) {
        for (String kind : COMPONENT_KINDS) {
            Iterator<Map.Entry<String, JsonNode>> entries = from.path(kind).fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                String name =
                        kind.equals("schemas")
                                ? renames.getOrDefault(entry.getKey(), entry.getKey())
                                : entry.getKey();
                ObjectNode target =
                        components.has(kind)
                                ? (ObjectNode) components.get(kind)
                                : components.putObject(kind);
                JsonNode existing = target.get(name);
                if (existing == null) {
                    target.set(name, entry.getValue());
                } else if (!existing.equals(entry.getValue())) {
                    notes.add(
                            kind
                                    + " "
                                    + name
                                    + " of "
                                    + service
                                    + " differs from another service's: left out");
                }
            }
        }
    }

    /**
     * Adds the document's tags (declared and used) to the list; returns the names its operations
     * use.
     */
    private static Set<String> collectTags(ObjectNode document, Map<String, ObjectNode> tags) {
        for (JsonNode tag : document.path("tags")) {
            tags.putIfAbsent(tag.path("name").asText(), (ObjectNode) tag);
        }
        Set<String> used = new LinkedHashSet<>();
        document.path("paths")
                .elements()
                .forEachRemaining(
                        pathItem ->
                                pathItem.elements()
                                        .forEachRemaining(
                                                operation ->
                                                        operation
                                                                .path("tags")
                                                                .elements()
                                                                .forEachRemaining(
                                                                        tag ->
                                                                                used.add(
                                                                                        tag
                                                                                                .asText()))));
        for (String name : used) {
            tags.putIfAbsent(name, JSON.objectNode().put("name", name));
        }
        return used;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** For tests: the names of a document's schemas. */
    static List<String> schemaNames(ObjectNode document) {
        List<String> names = new ArrayList<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        return names;
    }
}
