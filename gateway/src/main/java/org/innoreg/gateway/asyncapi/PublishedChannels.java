package org.innoreg.gateway.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suite's topics as their owners publish them: each service's OpenAPI document states its event
 * contracts at its root ({@code x-innoreg-events}, written by the chassis's OpenAPI filter from the
 * service's {@code publishing} package), and the gateway reads them from there. The gateway spells
 * no topic, type or schema name of its own: a service that adds an action or a topic changes the
 * AsyncAPI document and the typed feed by publishing it.
 */
public final class PublishedChannels {

    static final String EXTENSION = "x-innoreg-events";

    /** One action of a topic and its CloudEvents type. */
    public record Message(String action, String type) {}

    /**
     * Dated steps the data carries besides the aggregate's API view.
     *
     * @param schema the name of one step's schema in the service's document
     */
    public record Steps(String field, String schema, String description) {}

    /**
     * One topic.
     *
     * @param service the service whose document states it (the merge's name for that document)
     * @param schema the name of the data's schema in the service's document
     * @param steps null when the data is the API view alone
     * @param unpublished the data's fields a bureau does not publish, which only authenticated
     *     readers see
     */
    public record Channel(
            String service,
            String source,
            String aggregate,
            String topic,
            String description,
            String key,
            String schema,
            Steps steps,
            List<Message> messages,
            List<String> unpublished) {}

    private PublishedChannels() {}

    /**
     * The channels the documents state, by service name, then in each document's order; a document
     * without the extension (a service that publishes nothing, or an older one) adds none.
     */
    public static List<Channel> of(Map<String, ObjectNode> openApiByService) {
        List<Channel> channels = new ArrayList<>();
        new TreeMap<>(openApiByService)
                .forEach(
                        (service, document) -> {
                            if (document == null) {
                                return;
                            }
                            JsonNode events = document.path(EXTENSION);
                            String source = events.path("source").asText();
                            for (JsonNode channel : events.path("channels")) {
                                channels.add(channel(service, source, channel));
                            }
                        });
        return channels;
    }

    private static Channel channel(String service, String source, JsonNode channel) {
        JsonNode steps = channel.get("steps");
        List<String> unpublished = new ArrayList<>();
        channel.path("unpublished").forEach(field -> unpublished.add(field.asText()));
        List<Message> messages = new ArrayList<>();
        for (JsonNode message : channel.path("messages")) {
            messages.add(
                    new Message(message.path("action").asText(), message.path("type").asText()));
        }
        return new Channel(
                service,
                source,
                channel.path("aggregate").asText(),
                channel.path("topic").asText(),
                channel.path("description").asText(),
                channel.path("key").asText(),
                schemaName(channel.path("payload")),
                steps == null
                        ? null
                        : new Steps(
                                steps.path("field").asText(),
                                schemaName(steps.path("items")),
                                steps.path("description").asText()),
                List.copyOf(messages),
                List.copyOf(unpublished));
    }

    /**
     * What each CloudEvents type's data withholds from anonymous readers, for every type the
     * documents state; a type missing here is one whose contract the gateway has not read.
     */
    public static Map<String, List<String>> unpublishedByType(List<Channel> channels) {
        Map<String, List<String>> byType = new HashMap<>();
        for (Channel channel : channels) {
            for (Message message : channel.messages()) {
                byType.put(message.type(), channel.unpublished());
            }
        }
        return byType;
    }

    /** {@code #/components/schemas/Platform} → {@code Platform}. */
    private static String schemaName(JsonNode reference) {
        String ref = reference.path("$ref").asText();
        return ref.startsWith(ServiceSchemas.REF)
                ? ref.substring(ServiceSchemas.REF.length())
                : ref;
    }

    /**
     * The event as an anonymous reader may see it: without the fields its contract does not publish
     * (at any depth of its data), or without data at all while its contract is unknown here (a
     * service the gateway has not reached since it started): withheld rather than guessed.
     */
    public static JsonNode asPublished(JsonNode event, Map<String, List<String>> unpublished) {
        List<String> fields = unpublished.get(event.path("type").asText());
        if (fields == null) {
            ((ObjectNode) event).remove(List.of("data", "datacontenttype"));
        } else if (!fields.isEmpty()) {
            strip(event.path("data"), fields);
        }
        return event;
    }

    private static void strip(JsonNode node, List<String> fields) {
        if (node instanceof ObjectNode object) {
            object.remove(fields);
            object.elements().forEachRemaining(child -> strip(child, fields));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> strip(child, fields));
        }
    }
}
