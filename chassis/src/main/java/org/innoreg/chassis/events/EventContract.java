package org.innoreg.chassis.events;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.security.Publication;

/**
 * The event contract of one aggregate, declared once in the service that publishes it: the
 * aggregate (which names the topic {@code <service>.<aggregate>.v1} and the types {@code
 * org.innoreg.<service>.<aggregate>.<action>}), the actions it has, in the order a reader meets
 * them, and the view its {@code data} is (its schema in the service's OpenAPI document, and the
 * fields a bureau does not publish, {@code @Unpublished}). The write pipeline records only these
 * actions; the service's OpenAPI document states the contract ({@code x-innoreg-events}, see {@link
 * PublishedEvents}), and the gateway builds its AsyncAPI document from it.
 *
 * @param data the view the data is: the aggregate as the API shows it
 * @param description what the topic carries, for a reader of the AsyncAPI document
 * @param steps the dated steps the data carries besides the API view, or null
 */
public record EventContract(
        String aggregate,
        List<EventAction> actions,
        Class<? extends Record> data,
        String description,
        DatedSteps steps) {

    /**
     * Dated steps an event's data carries besides the aggregate's API view (a platform's history, a
     * project's stage transitions), so that a reader can tell its state on any date without calling
     * back.
     *
     * @param field the data's property that holds them
     * @param schema the OpenAPI component of one step
     */
    public record DatedSteps(String field, String schema, String description) {}

    public EventContract {
        actions = List.copyOf(actions);
        if (actions.isEmpty()) {
            throw new IllegalArgumentException(aggregate + ": a contract declares its actions");
        }
    }

    /** A contract whose data is the API view alone. */
    public EventContract(
            String aggregate,
            List<EventAction> actions,
            Class<? extends Record> data,
            String description) {
        this(aggregate, actions, data, description, null);
    }

    /**
     * The OpenAPI component (of the service's own document) of the data: its view's {@code @Schema}
     * name, else the view's class name.
     */
    public String dataSchema() {
        Schema schema = data.getAnnotation(Schema.class);
        return schema != null && !schema.name().isEmpty() ? schema.name() : data.getSimpleName();
    }

    /**
     * The fields of the data a bureau does not publish (its view's {@code @Unpublished}
     * components): the gateway's feed withholds them from anonymous readers.
     */
    public List<String> unpublished() {
        return Publication.unpublished(data);
    }

    public boolean declares(EventAction action) {
        return actions.contains(action);
    }

    /** {@code <service>.<aggregate>.v1}: one topic per aggregate type. */
    public static String topic(String service, String aggregate) {
        return service + "." + aggregate + ".v1";
    }

    /**
     * {@code org.innoreg.<service>.<aggregate>.<action>}, e.g.
     * org.innoreg.registry.platform.created.
     */
    public static String type(String service, String aggregate, String action) {
        return "org.innoreg." + service + "." + aggregate + "." + action;
    }

    /** The CloudEvents {@code source} of every event a service publishes. */
    public static String source(String service) {
        return "urn:innoreg:" + service;
    }
}
