package org.innoreg.chassis.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.innoreg.chassis.events.EventAction;
import org.innoreg.chassis.events.EventContract;
import org.innoreg.chassis.events.PublishedEvents;

/**
 * States the service's event contracts ({@link PublishedEvents}) in its OpenAPI document, at the
 * root under {@value #EXTENSION}: per topic its address, key, description, the CloudEvents type of
 * each action, the document's schema of the data and the data's fields a bureau does not publish.
 * The gateway builds the suite's AsyncAPI document and the typed event feed from these, so the
 * topics and types are spelt only where they are published. A contract that names a schema the
 * document lacks fails the build.
 */
final class OpenApiEvents {

    static final String EXTENSION = "x-innoreg-events";
    static final String SERVICE = "innoreg.events.service";

    private OpenApiEvents() {}

    static void apply(OpenAPI openAPI) {
        List<EventContract> contracts = PublishedEvents.declared();
        if (contracts.isEmpty()) {
            return; // a service that publishes nothing states nothing
        }
        state(openAPI, ConfigProvider.getConfig().getValue(SERVICE, String.class), contracts);
    }

    /** Writes the extension of {@code service}'s contracts into the document. */
    static void state(OpenAPI openAPI, String service, List<EventContract> contracts) {
        Map<String, Schema> schemas =
                openAPI.getComponents() == null ? null : openAPI.getComponents().getSchemas();
        Map<String, Object> events = new LinkedHashMap<>();
        events.put("service", service);
        events.put("source", EventContract.source(service));
        List<Object> channels = new ArrayList<>();
        for (EventContract contract : contracts) {
            Map<String, Object> channel = new LinkedHashMap<>();
            channel.put("aggregate", contract.aggregate());
            channel.put("topic", EventContract.topic(service, contract.aggregate()));
            channel.put("description", contract.description());
            channel.put("key", "The " + contract.aggregate() + "'s id (CloudEvents subject)");
            channel.put("payload", ref(schemas, contract.dataSchema(), contract));
            if (!contract.unpublished().isEmpty()) {
                channel.put("unpublished", contract.unpublished());
            }
            if (contract.steps() != null) {
                Map<String, Object> steps = new LinkedHashMap<>();
                steps.put("field", contract.steps().field());
                steps.put("description", contract.steps().description());
                steps.put("items", ref(schemas, contract.steps().schema(), contract));
                channel.put("steps", steps);
            }
            List<Object> messages = new ArrayList<>();
            for (EventAction action : contract.actions()) {
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("action", action.name());
                message.put(
                        "type", EventContract.type(service, contract.aggregate(), action.name()));
                messages.add(message);
            }
            channel.put("messages", messages);
            channels.add(channel);
        }
        events.put("channels", channels);
        openAPI.addExtension(EXTENSION, events);
    }

    private static Map<String, Object> ref(
            Map<String, Schema> schemas, String name, EventContract contract) {
        if (schemas == null || !schemas.containsKey(name)) {
            throw new IllegalStateException(
                    "the "
                            + contract.aggregate()
                            + " event contract names the schema "
                            + name
                            + ", which the OpenAPI document lacks");
        }
        return Map.of("$ref", OpenApiModel.REF_PREFIX + name);
    }
}
