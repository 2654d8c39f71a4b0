package org.innoreg.chassis.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.innoreg.chassis.events.EventAction;
import org.innoreg.chassis.events.EventContract;
import org.innoreg.chassis.persistence.VersionedEntity;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** An event's data: the view's fields, then the dated steps under the contract's name. */
@Tag("fast")
class AggregateTypeWithStepsTest {

    static class Thing extends VersionedEntity {
        UUID id;
        String name;
    }

    record ThingView(String id, String name) {}

    record Step(UUID thingId, String on) {}

    record StepView(String on) {}

    static final EventContract CONTRACT =
            new EventContract(
                    "thing",
                    List.of(EventAction.CREATED),
                    ThingView.class,
                    "things",
                    new EventContract.DatedSteps("history", "Step", "steps, oldest first"));

    @Test
    void eachAggregateGetsItsOwnStepsFromOneReadOfAll() throws Exception {
        Thing a = thing("a");
        Thing b = thing("b");
        List<List<UUID>> reads = new java.util.ArrayList<>();
        AggregateTypeWithSteps<Thing, Step> type =
                new AggregateTypeWithSteps<>(
                        CONTRACT,
                        t -> t.id.toString(),
                        t -> null,
                        t -> new ThingView(t.id.toString(), t.name),
                        ids -> {
                            reads.add(ids);
                            return List.of(
                                    new Step(a.id, "2020-01-01"), new Step(a.id, "2021-01-01"));
                        },
                        Step::thingId,
                        step -> new StepView(step.on())) {};

        List<Object> data = type.data(List.of(a, b));

        assertThat(reads).containsExactly(List.of(a.id, b.id));
        ObjectMapper json = new ObjectMapper();
        assertThat(json.writeValueAsString(data.get(0)))
                .isEqualTo(
                        "{\"id\":\""
                                + a.id
                                + "\",\"name\":\"a\",\"history\":[{\"on\":\"2020-01-01\"},"
                                + "{\"on\":\"2021-01-01\"}]}");
        assertThat(json.writeValueAsString(data.get(1)))
                .isEqualTo("{\"id\":\"" + b.id + "\",\"name\":\"b\",\"history\":[]}");
        assertThat(json.writeValueAsString(type.data(b))).endsWith("\"history\":[]}");
    }

    private static Thing thing(String name) {
        Thing thing = new Thing();
        thing.id = UUID.randomUUID();
        thing.name = name;
        return thing;
    }
}
