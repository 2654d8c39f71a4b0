package org.innoreg.gateway.asyncapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Builds the AsyncAPI 3 document of the suite's topics: for each topic its address, key, the
 * CloudEvents envelope (structured JSON) and the JSON Schema of each event's data, with an example
 * per message. The topics, their types and the schemas are those the owning services' live OpenAPI
 * documents state ({@link PublishedChannels}), so that the two never disagree.
 */
public final class AsyncApiDocument {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private AsyncApiDocument() {}

    /**
     * @param openApiByService each service's OpenAPI document (a service never reached has no
     *     channels)
     */
    public static ObjectNode build(
            String version, String kafkaHost, Map<String, ObjectNode> openApiByService) {
        ObjectNode doc = JSON.objectNode();
        doc.put("asyncapi", "3.0.0");
        doc.putObject("info")
                .put("title", "Innovation Registry events")
                .put("version", version)
                .put(
                        "description",
                        "Every committed change of the registry, the project pipeline and the indicators, "
                                + "as a CloudEvent 1.0 in structured JSON mode (Kafka header content-type: "
                                + "application/cloudevents+json). One topic per aggregate; the Kafka key is the aggregate id, so "
                                + "the events of one aggregate arrive in order. `sequence` is the aggregate's version (zero-padded): "
                                + "ignore an event whose sequence is not above the last you applied. `data` is the aggregate's full "
                                + "state after the change (its last state for a delete). Delivery is at least once: de-duplicate by `id`. "
                                + "The same events can be read over HTTP at /api/v1/events.");
        doc.put("defaultContentType", "application/cloudevents+json");
        doc.putObject("servers")
                .putObject("local")
                .put("host", kafkaHost)
                .put("protocol", "kafka")
                .put(
                        "description",
                        "The suite's Kafka (a cluster's bootstrap servers in production)");
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode components = doc.putObject("components");
        ObjectNode messages = components.putObject("messages");
        ObjectNode schemas = components.putObject("schemas");
        schemas.set("CloudEventAttributes", envelopeSchema());

        for (PublishedChannels.Channel contract : PublishedChannels.of(openApiByService)) {
            ObjectNode openApi = openApiByService.get(contract.service());
            String dataSchema = contract.service() + "." + contract.schema();
            ServiceSchemas.copyClosure(openApi, contract.schema(), contract.service(), schemas);
            if (!schemas.has(dataSchema)) {
                schemas.putObject(dataSchema)
                        .put("type", "object")
                        .put(
                                "description",
                                "The "
                                        + contract.aggregate()
                                        + " (schema unavailable in its service's document)");
            }
            if (contract.steps() != null) {
                dataSchema = withSteps(openApi, contract, dataSchema, schemas);
            }
            String channelId = contract.service() + "_" + contract.aggregate();
            ObjectNode channel = channels.putObject(channelId);
            channel.put("address", contract.topic()).put("description", contract.description());
            ObjectNode channelMessages = channel.putObject("messages");
            ObjectNode operation = operations.putObject("receive_" + channelId);
            operation
                    .put("action", "receive")
                    .put("summary", "Changes of " + contract.aggregate() + "s");
            operation.putObject("channel").put("$ref", "#/channels/" + channelId);
            ArrayNode operationMessages = operation.putArray("messages");
            for (PublishedChannels.Message published : contract.messages()) {
                String action = published.action();
                String messageId = contract.service() + "." + contract.aggregate() + "." + action;
                messages.set(messageId, message(contract, published, dataSchema, schemas));
                channelMessages.putObject(action).put("$ref", "#/components/messages/" + messageId);
                operationMessages
                        .addObject()
                        .put("$ref", "#/channels/" + channelId + "/messages/" + action);
            }
        }
        return doc;
    }

    private static ObjectNode message(
            PublishedChannels.Channel contract,
            PublishedChannels.Message published,
            String dataSchema,
            ObjectNode schemas) {
        String action = published.action();
        ObjectNode message = JSON.objectNode();
        message.put("name", published.type())
                .put("title", contract.aggregate() + " " + action)
                .put("contentType", "application/cloudevents+json");
        ObjectNode headers = message.putObject("headers").put("type", "object");
        headers.putObject("properties")
                .putObject("content-type")
                .put("type", "string")
                .put("const", "application/cloudevents+json");
        ObjectNode payload = message.putObject("payload");
        ArrayNode allOf = payload.putArray("allOf");
        allOf.addObject().put("$ref", ServiceSchemas.REF + "CloudEventAttributes");
        ObjectNode specific = allOf.addObject().put("type", "object");
        ObjectNode properties = specific.putObject("properties");
        properties.putObject("type").put("const", published.type());
        properties.putObject("data").put("$ref", ServiceSchemas.REF + dataSchema);
        ObjectNode kafka = message.putObject("bindings").putObject("kafka");
        kafka.putObject("key").put("type", "string").put("description", contract.key());
        kafka.put("bindingVersion", "0.5.0");
        ObjectNode example = JSON.objectNode();
        example.put("specversion", "1.0")
                .put("id", "3f2c1b6e-8d4a-4c1e-9b7a-2e5d6f7a8b9c")
                .put("source", contract.source())
                .put("type", published.type())
                .put("subject", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d")
                .put("time", "2026-11-22T08:00:00Z")
                .put("datacontenttype", "application/json")
                .put(
                        "sequence",
                        action.equals("created") ? "00000000000000000001" : "00000000000000000002");
        example.set("data", SchemaExamples.of(schemas.get(dataSchema), schemas));
        message.putArray("examples").addObject().put("name", action).set("payload", example);
        return message;
    }

    private static ObjectNode envelopeSchema() {
        ObjectNode schema =
                JSON.objectNode()
                        .put("type", "object")
                        .put("description", "CloudEvents 1.0 attributes, structured JSON mode");
        schema.putArray("required")
                .add("specversion")
                .add("id")
                .add("source")
                .add("type")
                .add("subject")
                .add("time")
                .add("sequence")
                .add("data");
        ObjectNode properties = schema.putObject("properties");
        properties.putObject("specversion").put("const", "1.0");
        text(properties, "id", "Unique per event: de-duplicate by it");
        text(properties, "source", "urn:innoreg:<service>");
        text(properties, "type", "org.innoreg.<service>.<aggregate>.<action>");
        text(properties, "subject", "The aggregate's id (also the Kafka key)");
        properties.putObject("time").put("type", "string").put("format", "date-time");
        properties.putObject("datacontenttype").put("const", "application/json");
        properties
                .putObject("sequence")
                .put("type", "string")
                .put("pattern", "^[0-9]{20}$")
                .put(
                        "description",
                        "The aggregate's version after the change, zero-padded to sort as text");
        text(properties, "actor", "Who made the change, where known");
        properties.putObject("data").put("type", "object");
        return schema;
    }

    /** A string property with its description. */
    private static void text(ObjectNode properties, String name, String description) {
        properties.putObject(name).put("type", "string").put("description", description);
    }

    /**
     * The event data's schema where it carries dated steps besides the API view: the view's
     * properties plus an array of the steps.
     *
     * @return the name of the event data's schema
     */
    private static String withSteps(
            ObjectNode openApi,
            PublishedChannels.Channel contract,
            String viewSchema,
            ObjectNode schemas) {
        PublishedChannels.Steps steps = contract.steps();
        ServiceSchemas.copyClosure(openApi, steps.schema(), contract.service(), schemas);
        ObjectNode data = schemas.get(viewSchema).deepCopy();
        data.put(
                "description",
                "The "
                        + contract.aggregate()
                        + " as its service's API shows it, with its "
                        + steps.field());
        ObjectNode array =
                data.withObject("/properties")
                        .putObject(steps.field())
                        .put("type", "array")
                        .put("description", steps.description());
        array.putObject("items")
                .put("$ref", ServiceSchemas.REF + contract.service() + "." + steps.schema());
        String name = viewSchema + "Event";
        schemas.set(name, data);
        return name;
    }
}
