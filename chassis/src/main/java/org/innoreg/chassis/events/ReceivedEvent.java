package org.innoreg.chassis.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * An event as a consumer sees it: the CloudEvents attributes, its data as a JSON tree (read
 * tolerantly: handlers pick the fields they need), where it came from on Kafka, and the structured
 * JSON it arrived as.
 */
public record ReceivedEvent(
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        Long sequence,
        String actor,
        JsonNode data,
        String topic,
        int partition,
        long offset,
        String json) {

    /**
     * Reads a structured CloudEvent kept elsewhere (a read model's copy of a topic), for a replay.
     */
    public static ReceivedEvent parse(String json, String topic, ObjectMapper mapper) {
        byte[] raw = json.getBytes(StandardCharsets.UTF_8);
        return of(CloudEventCodec.parse(raw), raw, topic, -1, -1, mapper);
    }

    /**
     * The event a record read from Kafka holds; empty, and logged, for a record that is not a
     * structured JSON CloudEvent. Such a record can never become one: it stays on Kafka for
     * inspection, and every reader skips it.
     */
    static Optional<ReceivedEvent> read(
            ConsumerRecord<String, byte[]> record, ObjectMapper mapper) {
        try {
            return Optional.of(
                    of(
                            CloudEventCodec.parse(record.value()),
                            record.value(),
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            mapper));
        } catch (RuntimeException notACloudEvent) {
            Logger.getLogger(ReceivedEvent.class)
                    .errorf(
                            "skipping %s-%d@%d: not a structured JSON CloudEvent (%s)",
                            record.topic(),
                            record.partition(),
                            record.offset(),
                            notACloudEvent.getMessage());
            return Optional.empty();
        }
    }

    static ReceivedEvent of(
            CloudEvent event,
            byte[] raw,
            String topic,
            int partition,
            long offset,
            ObjectMapper mapper) {
        Object sequence = event.getExtension(CloudEventCodec.SEQUENCE);
        Object actor = event.getExtension(CloudEventCodec.ACTOR);
        JsonNode data;
        try {
            data =
                    event.getData() == null
                            ? mapper.nullNode()
                            : mapper.readTree(event.getData().toBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "event " + event.getId() + " has data that is not JSON", e);
        }
        return new ReceivedEvent(
                event.getId(),
                event.getSource().toString(),
                event.getType(),
                event.getSubject(),
                event.getTime(),
                sequence == null ? null : Long.valueOf(sequence.toString()),
                actor == null ? null : actor.toString(),
                data,
                topic,
                partition,
                offset,
                new String(raw, StandardCharsets.UTF_8));
    }
}
