package org.innoreg.gateway.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Types the event feed in the merged OpenAPI document: each item of {@code CloudEventPage} is one
 * of the aggregates' events ({@code PlatformEvent}, {@code ProjectEvent}…), told apart by the
 * CloudEvents {@code type} (a discriminator), whose {@code data} is the aggregate as its service's
 * document describes it, with the dated steps its events carry (the same contracts, {@link
 * PublishedChannels}, and schemas as the AsyncAPI document). A generated client reads the feed into
 * typed objects instead of empty ones.
 */
public final class EventSchemas {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String REF = ServiceSchemas.REF;

    private EventSchemas() {}

    /**
     * In place, on the merged document; nothing happens without the gateway's CloudEvent and
     * CloudEventPage schemas.
     *
     * @param channels the topics the services' documents state
     */
    public static void document(ObjectNode merged, List<PublishedChannels.Channel> channels) {
        JsonNode found = merged.path("components").path("schemas");
        if (!(found instanceof ObjectNode schemas)
                || !(schemas.get("CloudEvent") instanceof ObjectNode base)
                || !(schemas.path("CloudEventPage").path("properties").path("items")
                        instanceof ObjectNode items)) {
            return;
        }
        ArrayNode oneOf = JSON.arrayNode();
        ObjectNode mapping = JSON.objectNode();
        for (PublishedChannels.Channel contract : channels) {
            String name = pascal(contract.aggregate()) + "Event";
            ObjectNode event = base.deepCopy();
            event.put(
                    "description",
                    "A CloudEvent of "
                            + contract.aggregate()
                            + "s (Kafka topic `"
                            + contract.topic()
                            + "`): "
                            + contract.description());
            ObjectNode properties = event.with("properties");
            ObjectNode type = properties.putObject("type").put("type", "string");
            ArrayNode types = type.putArray("enum");
            contract.messages().forEach(message -> types.add(message.type()));
            properties.set("data", data(schemas, contract));
            schemas.set(name, event);
            oneOf.addObject().put("$ref", REF + name);
            contract.messages().forEach(message -> mapping.put(message.type(), REF + name));
        }
        ObjectNode item = JSON.objectNode();
        item.set("oneOf", oneOf);
        item.putObject("discriminator").put("propertyName", "type").set("mapping", mapping);
        items.set("items", item);
        schemas.remove(
                "CloudEvent"); // each event schema is a copy of it: nothing refers to it any more
    }

    /**
     * The aggregate's schema from its service's document (renamed {@code <service>.<Name>} when the
     * merge had to).
     */
    private static ObjectNode data(ObjectNode schemas, PublishedChannels.Channel contract) {
        String view = merged(schemas, contract.service(), contract.schema());
        String description =
                "The "
                        + contract.aggregate()
                        + "'s full state after the change (its last state for a delete)";
        if (view == null) { // its service was never reached: any object, said so
            return JSON.objectNode()
                    .put("type", "object")
                    .put(
                            "description",
                            description
                                    + "; its schema is unavailable "
                                    + "while "
                                    + contract.service()
                                    + " is unreachable");
        }
        if (contract.steps() == null) {
            ObjectNode data = JSON.objectNode().put("$ref", REF + view);
            data.put("description", description);
            return data;
        }
        PublishedChannels.Steps steps = contract.steps();
        String step = merged(schemas, contract.service(), steps.schema());
        ObjectNode data =
                JSON.objectNode().put("description", description + ", with its " + steps.field());
        ArrayNode allOf = data.putArray("allOf");
        allOf.addObject().put("$ref", REF + view);
        ObjectNode withSteps = allOf.addObject().put("type", "object");
        ObjectNode array =
                withSteps
                        .putObject("properties")
                        .putObject(steps.field())
                        .put("type", "array")
                        .put("description", steps.description());
        if (step != null) {
            array.putObject("items").put("$ref", REF + step);
        }
        return data;
    }

    private static String merged(ObjectNode schemas, String service, String name) {
        return schemas.has(service + "." + name)
                ? service + "." + name
                : schemas.has(name) ? name : null;
    }

    private static String pascal(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
