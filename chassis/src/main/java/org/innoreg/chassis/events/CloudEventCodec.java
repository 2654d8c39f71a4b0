package org.innoreg.chassis.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * The suite's one event envelope: CloudEvents 1.0 in structured JSON mode, with the aggregate's
 * version in the {@code sequence} extension and the author of the change in {@code actor}.
 */
public final class CloudEventCodec {

    /** Kafka header value of structured-mode CloudEvents (CloudEvents Kafka protocol binding). */
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    public static final String SEQUENCE = "sequence";
    public static final String ACTOR = "actor";

    private static final EventFormat FORMAT = new JsonFormat();

    private CloudEventCodec() {}

    static CloudEvent build(
            String id,
            String source,
            String type,
            String subject,
            OffsetDateTime time,
            long sequence,
            String actor,
            String jsonData) {
        CloudEventBuilder builder =
                CloudEventBuilder.v1()
                        .withId(id)
                        .withSource(URI.create(source))
                        .withType(type)
                        .withSubject(subject)
                        .withTime(time)
                        .withDataContentType("application/json")
                        .withData(jsonData.getBytes(StandardCharsets.UTF_8))
                        .withExtension(SEQUENCE, sequenceString(sequence));
        if (actor != null) {
            builder.withExtension(ACTOR, actor);
        }
        return builder.build();
    }

    /**
     * The CloudEvents sequence extension is a lexicographically ordered string, so the version is
     * zero-padded: "00000000000000000042" sorts after "00000000000000000007".
     */
    static String sequenceString(long sequence) {
        return String.format("%020d", sequence);
    }

    public static byte[] serialize(CloudEvent event) {
        return FORMAT.serialize(event);
    }

    /**
     * @throws io.cloudevents.rw.CloudEventRWException if the bytes are not a structured CloudEvent
     */
    public static CloudEvent parse(byte[] bytes) {
        return FORMAT.deserialize(bytes);
    }
}
