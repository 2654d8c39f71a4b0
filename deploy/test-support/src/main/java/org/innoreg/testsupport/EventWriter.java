package org.innoreg.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts events on a test broker's topics as another service's relay would: one at a time, each
 * acknowledged before the next. One producer per broker for the whole test JVM, closed when it
 * exits, so that a test class needs no set-up to write events.
 */
public final class EventWriter {

    private static final Map<String, EventWriter> WRITERS = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(() -> WRITERS.values().forEach(w -> w.producer.close())));
    }

    private final KafkaProducer<String, byte[]> producer;

    private EventWriter(String bootstrapServers) {
        producer =
                new KafkaProducer<>(
                        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                        new StringSerializer(),
                        new ByteArraySerializer());
    }

    /** The writer to the broker at {@code bootstrapServers}. */
    public static EventWriter on(String bootstrapServers) {
        return WRITERS.computeIfAbsent(bootstrapServers, EventWriter::new);
    }

    /**
     * Forgets the writer to a broker that was stopped and started again: its connections died with
     * it, and the next {@link #on} connects anew.
     */
    public static void reconnect(String bootstrapServers) {
        EventWriter stale = WRITERS.remove(bootstrapServers);
        if (stale != null) {
            stale.producer.close();
        }
    }

    /** Writes {@code json} under {@code key} and waits for the broker's acknowledgement. */
    public RecordMetadata write(String topic, String key, String json) {
        try {
            return producer.send(
                            new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8)))
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted writing to " + topic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("not written to " + topic, e.getCause());
        }
    }
}
