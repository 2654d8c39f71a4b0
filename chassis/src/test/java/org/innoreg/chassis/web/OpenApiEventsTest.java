package org.innoreg.chassis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.innoreg.chassis.events.EventAction;
import org.innoreg.chassis.events.EventContract;
import org.innoreg.chassis.security.Unpublished;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The event contracts as a service's document states them ({@code x-innoreg-events}). */
@Tag("fast")
public class OpenApiEventsTest {

    private static final EventAction MOVED = new EventAction("moved");

    /** A view whose schema is named by its annotation, with a field not published. */
    @Schema(name = "Thing")
    public record ThingView(String id, @Unpublished String keeper) {}

    private static final EventContract THING =
            new EventContract(
                    "thing",
                    List.of(EventAction.CREATED, MOVED, EventAction.DELETED),
                    ThingView.class,
                    "Things.",
                    new EventContract.DatedSteps("moves", "Move", "Where it went, oldest first"));

    private static OpenAPI document(String... schemas) {
        OpenAPI openAPI = OASFactory.createOpenAPI().components(OASFactory.createComponents());
        for (String name : schemas) {
            openAPI.getComponents()
                    .addSchema(name, OASFactory.createSchema().addType(SchemaType.OBJECT));
        }
        return openAPI;
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachContractIsAChannelWithItsTopicTypesAndSchemas() {
        OpenAPI openAPI = document("Thing", "Move");
        OpenApiEvents.state(openAPI, "things", List.of(THING));
        Map<String, Object> events =
                (Map<String, Object>) openAPI.getExtensions().get("x-innoreg-events");
        assertThat(events).containsEntry("service", "things");
        assertThat(events).containsEntry("source", "urn:innoreg:things");
        List<Map<String, Object>> channels = (List<Map<String, Object>>) events.get("channels");
        assertThat(channels).hasSize(1);
        Map<String, Object> channel = channels.get(0);
        assertThat(channel)
                .containsEntry("aggregate", "thing")
                .containsEntry("topic", "things.thing.v1")
                .containsEntry("description", "Things.")
                .containsEntry("key", "The thing's id (CloudEvents subject)")
                .containsEntry("payload", Map.of("$ref", "#/components/schemas/Thing"))
                .containsEntry("unpublished", List.of("keeper"));
        assertThat((Map<String, Object>) channel.get("steps"))
                .containsEntry("field", "moves")
                .containsEntry("items", Map.of("$ref", "#/components/schemas/Move"));
        assertThat((List<Map<String, Object>>) channel.get("messages"))
                .extracting(m -> m.get("action") + " " + m.get("type"))
                .containsExactly(
                        "created org.innoreg.things.thing.created",
                        "moved org.innoreg.things.thing.moved",
                        "deleted org.innoreg.things.thing.deleted");
    }

    @Test
    void aContractNamingASchemaTheDocumentLacksFailsTheBuild() {
        assertThatThrownBy(() -> OpenApiEvents.state(document("Thing"), "things", List.of(THING)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Move");
    }

    @Test
    void actionsAreKebabCaseAndContractsDeclareSome() {
        assertThatThrownBy(() -> new EventAction("Stage_Changed"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventContract("thing", List.of(), ThingView.class, "Things."))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(THING.declares(new EventAction("moved"))).isTrue();
        assertThat(THING.declares(EventAction.UPDATED)).isFalse();
    }
}
