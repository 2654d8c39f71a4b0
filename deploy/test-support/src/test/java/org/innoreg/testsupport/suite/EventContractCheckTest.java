package org.innoreg.testsupport.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The event check finds what a partner's consumer would trip over, and passes a good event. */
@Tag("fast")
class EventContractCheckTest {

    /** The shape the gateway's AsyncAPI document has, cut down to one channel and one message. */
    private static final String DOCUMENT =
            """
            asyncapi: "3.0.0"
            channels:
              things:
                address: "demo.thing.v1"
                messages:
                  created:
                    $ref: "#/components/messages/demo.thing.created"
            components:
              messages:
                demo.thing.created:
                  name: "org.innoreg.demo.thing.created"
                  headers:
                    type: "object"
                    properties:
                      content-type:
                        type: "string"
                        const: "application/cloudevents+json"
                  payload:
                    allOf:
                    - $ref: "#/components/schemas/CloudEventAttributes"
                    - type: "object"
                      properties:
                        type:
                          const: "org.innoreg.demo.thing.created"
                        data:
                          $ref: "#/components/schemas/demo.Thing"
              schemas:
                CloudEventAttributes:
                  type: "object"
                  required: ["specversion", "id", "type", "subject", "sequence", "data"]
                  properties:
                    specversion:
                      const: "1.0"
                    sequence:
                      type: "string"
                      pattern: "^[0-9]{20}$"
                    data:
                      type: "object"
                demo.Thing:
                  type: "object"
                  properties:
                    name:
                      type: ["string", "null"]
                    level:
                      anyOf:
                      - $ref: "#/components/schemas/demo.Level"
                      - type: "null"
                demo.Level:
                  type: "string"
                  enum: ["NATIONAL", "PROVINCIAL"]
            """;

    private static final String GOOD =
            """
            {"specversion":"1.0","id":"e1","type":"org.innoreg.demo.thing.created","subject":"k1",
             "sequence":"00000000000000000001","data":{"name":null,"level":"NATIONAL"}}
            """;

    private final EventContractCheck check = EventContractCheck.of(DOCUMENT);

    @Test
    void aGoodEventWithNullsPasses() {
        assertThat(violations("k1", GOOD, true)).isEmpty();
        assertThat(violations("k1", GOOD.replace("\"NATIONAL\"", "null"), true)).isEmpty();
    }

    @Test
    void aValueOutsideTheSchemaIsFound() {
        // anyOf: each branch says why it failed
        assertThat(violations("k1", GOOD.replace("\"NATIONAL\"", "\"GALACTIC\""), true))
                .isNotEmpty()
                .allMatch(
                        found ->
                                found.startsWith("demo.thing.v1/0@7 ")
                                        && found.contains("/data/level"));
        assertThat(violations("k1", GOOD.replace("\"name\":null", "\"name\":42"), true))
                .isNotEmpty();
        assertThat(violations("k1", GOOD.replace("00000000000000000001", "1"), true)).isNotEmpty();
        assertThat(violations("k1", GOOD.replace("\"specversion\":\"1.0\",", ""), true))
                .isNotEmpty();
    }

    @Test
    void anUndeclaredTypeAWrongKeyAndAMissingHeaderAreFound() {
        assertThat(violations("k1", GOOD.replace("thing.created", "thing.exploded"), true))
                .singleElement()
                .asString()
                .contains("not a message of this channel");
        assertThat(violations("other", GOOD, true))
                .singleElement()
                .asString()
                .contains("is not the subject");
        assertThat(violations("k1", GOOD, false))
                .singleElement()
                .asString()
                .contains("content-type");
        assertThat(violations("k1", "not json", true))
                .singleElement()
                .asString()
                .contains("not JSON");
    }

    @Test
    void theDocumentsExamplesAreChecked() {
        String withExample =
                DOCUMENT.replace(
                        "      payload:\n",
                        "      examples:\n"
                                + "      - name: \"created\"\n"
                                + "        payload: {\"specversion\": \"1.0\", \"id\": \"e1\", \"subject\": \"k1\",\n"
                                + "                  \"type\": \"org.innoreg.demo.thing.created\",\n"
                                + "                  \"sequence\": \"00000000000000000001\", \"data\": {\"level\": {}}}\n"
                                + "      payload:\n");
        assertThat(withExample).isNotEqualTo(DOCUMENT);
        assertThat(EventContractCheck.of(withExample).exampleViolations())
                .isNotEmpty()
                .allMatch(
                        found ->
                                found.startsWith(
                                        "example created of org.innoreg.demo.thing.created"));
        assertThat(check.exampleViolations()).isEmpty();
    }

    @Test
    void theDocumentedTopicsAreTheChannelsAddresses() {
        assertThat(check.topics()).containsExactly("demo.thing.v1");
    }

    private List<String> violations(String key, String value, boolean header) {
        RecordHeaders headers = new RecordHeaders();
        if (header) {
            headers.add(
                    "content-type",
                    "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        }
        ConsumerRecord<String, byte[]> record =
                new ConsumerRecord<>(
                        "demo.thing.v1",
                        0,
                        7,
                        0L,
                        TimestampType.CREATE_TIME,
                        -1,
                        -1,
                        key,
                        value.getBytes(StandardCharsets.UTF_8),
                        headers,
                        Optional.empty());
        List<String> found = new ArrayList<>();
        check.check(record, found);
        return found;
    }
}
