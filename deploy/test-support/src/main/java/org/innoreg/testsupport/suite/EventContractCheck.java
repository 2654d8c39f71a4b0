package org.innoreg.testsupport.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.innoreg.testsupport.TopicReader;

/**
 * Every event on a broker's topics against the AsyncAPI document that promises them: the topic is a
 * channel of the document, the event's {@code type} is one of that channel's messages, the Kafka
 * key is the event's {@code subject}, the {@code content-type} header is the one declared, and the
 * whole CloudEvent (attributes and {@code data}, nulls included) validates against the message's
 * payload schema (JSON Schema 2020-12, the dialect the document's schemas are written in). A
 * partner generating consumers from the document meets exactly these records.
 */
public final class EventContractCheck {

    /** What was checked, and every disagreement found (empty when the events keep the contract). */
    public record Report(int events, Map<String, Integer> eventsByType, List<String> violations) {}

    private static final String DOCUMENT = "https://innoreg.local/asyncapi.json";
    private static final String CONTENT_TYPE = "content-type";
    private static final int MAX_REPORTED = 50;

    private final ObjectMapper json = new ObjectMapper();
    private final SchemaRegistry schemas;

    /** A message of a channel: where it is in the document, and what it says. */
    private record Message(String pointer, JsonNode node) {}

    private final Map<String, Map<String, Message>> messagesByTopicAndType = new HashMap<>();
    private final Map<String, Schema> payloadSchemas = new HashMap<>();

    private EventContractCheck(JsonNode document) {
        String text;
        try {
            text = json.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.schemas =
                SchemaRegistry.withDefaultDialect(
                        SpecificationVersion.DRAFT_2020_12,
                        builder -> builder.schemas(Map.of(DOCUMENT, text)));
        document.path("channels")
                .forEach(
                        channel -> {
                            Map<String, Message> byType = new HashMap<>();
                            channel.path("messages")
                                    .forEach(
                                            reference -> {
                                                // "#/components/messages/<name>"
                                                String pointer =
                                                        reference
                                                                .path("$ref")
                                                                .asText()
                                                                .substring(1);
                                                JsonNode message = document.at(pointer);
                                                byType.put(
                                                        message.path("name").asText(),
                                                        new Message(pointer, message));
                                            });
                            messagesByTopicAndType.put(channel.path("address").asText(), byType);
                        });
    }

    /** The document as the gateway serves it at {@code /asyncapi.yaml}. */
    public static EventContractCheck of(String asyncApiYaml) {
        try {
            return new EventContractCheck(new YAMLMapper().readTree(asyncApiYaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The document's own examples against its messages' payload schemas: a partner copying one must
     * hold a valid event.
     */
    public List<String> exampleViolations() {
        List<String> violations = new ArrayList<>();
        messagesByTopicAndType.values().stream()
                .flatMap(byType -> byType.entrySet().stream())
                .forEach(
                        entry -> {
                            Schema schema = payloadSchema(entry.getKey(), entry.getValue());
                            for (JsonNode example : entry.getValue().node().path("examples")) {
                                for (Error error : schema.validate(example.path("payload"))) {
                                    violations.add(
                                            "example "
                                                    + example.path("name").asText()
                                                    + " of "
                                                    + entry.getKey()
                                                    + ": "
                                                    + error);
                                }
                            }
                        });
        return violations;
    }

    /** The topics the document names (its channels' addresses). */
    public List<String> topics() {
        return new ArrayList<>(new TreeMap<>(messagesByTopicAndType).keySet());
    }

    /**
     * Reads every documented topic from the beginning to its current end and checks each record.
     */
    public Report check(String bootstrapServers) {
        List<String> violations = new ArrayList<>();
        Map<String, Integer> byType = new TreeMap<>();
        int events = 0;
        try (KafkaConsumer<String, byte[]> consumer = TopicReader.consumer(bootstrapServers)) {
            Map<String, ?> existing = consumer.listTopics(Duration.ofSeconds(30));
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics()) {
                if (!existing.containsKey(topic)) {
                    violations.add(topic + ": documented, but no such topic on the broker");
                    continue;
                }
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(
                                info ->
                                        partitions.add(
                                                new TopicPartition(topic, info.partition())));
            }
            for (String topic : existing.keySet()) {
                if (!topic.startsWith("__") && !messagesByTopicAndType.containsKey(topic)) {
                    violations.add(topic + ": on the broker, but not a channel of the document");
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    violations.add("the topics could not be read to their end in 2 minutes");
                    break;
                }
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    events++;
                    String type = check(record, violations);
                    byType.merge(type, 1, Integer::sum);
                }
            }
        }
        List<String> reported =
                violations.size() > MAX_REPORTED
                        ? new ArrayList<>(violations.subList(0, MAX_REPORTED))
                        : violations;
        if (violations.size() > MAX_REPORTED) {
            reported.add("… and " + (violations.size() - MAX_REPORTED) + " more");
        }
        return new Report(events, byType, reported);
    }

    /** Checks one record, adding what is wrong with it; returns its type for the summary. */
    String check(ConsumerRecord<String, byte[]> record, List<String> violations) {
        String where = record.topic() + "/" + record.partition() + "@" + record.offset();
        JsonNode event;
        try {
            event = json.readTree(new String(record.value(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            violations.add(where + ": not JSON: " + e.getMessage());
            return "(not JSON)";
        }
        String type = event.path("type").asText("(no type)");
        Message message = messagesByTopicAndType.get(record.topic()).get(type);
        if (message == null) {
            violations.add(where + ": type " + type + " is not a message of this channel");
            return type;
        }
        Header contentType = record.headers().lastHeader(CONTENT_TYPE);
        String declared =
                message.node()
                        .path("headers")
                        .path("properties")
                        .path(CONTENT_TYPE)
                        .path("const")
                        .asText();
        String sent =
                contentType == null
                        ? null
                        : new String(contentType.value(), StandardCharsets.UTF_8);
        if (!declared.isEmpty() && !declared.equals(sent)) {
            violations.add(where + ": header content-type " + sent + ", declared " + declared);
        }
        if (record.key() == null || !record.key().equals(event.path("subject").asText())) {
            violations.add(where + ": key " + record.key() + " is not the subject");
        }
        for (Error error : payloadSchema(type, message).validate(event)) {
            violations.add(where + " " + type + ": " + error);
        }
        return type;
    }

    private Schema payloadSchema(String type, Message message) {
        return payloadSchemas.computeIfAbsent(
                type,
                t ->
                        schemas.getSchema(
                                SchemaLocation.of(
                                        DOCUMENT + "#" + message.pointer() + "/payload")));
    }
}
