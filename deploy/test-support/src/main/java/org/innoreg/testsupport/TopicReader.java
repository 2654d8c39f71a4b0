package org.innoreg.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads a whole topic from the beginning, without a consumer group, for assertions. */
public final class TopicReader {

    /** One record as a test looks at it: key, value as text, headers ignored. */
    public record Message(String key, String value, int partition, long offset) {}

    private TopicReader() {}

    /**
     * Reads the topic until {@code done} holds for what was read, or the timeout passes, and
     * returns everything read (the caller asserts on it; a timeout is not an error here).
     */
    public static List<Message> readUntil(
            String bootstrapServers,
            String topic,
            Duration timeout,
            Predicate<List<Message>> done) {
        List<Message> messages = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                try {
                    partitions =
                            consumer.partitionsFor(topic, Duration.ofSeconds(2)).stream()
                                    .map(info -> new TopicPartition(topic, info.partition()))
                                    .toList();
                } catch (org.apache.kafka.common.KafkaException notYet) {
                    partitions = List.of(); // topic not created yet
                }
                if (partitions.isEmpty()) {
                    sleep(100);
                }
            }
            if (partitions.isEmpty()) {
                return messages;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (!done.test(messages) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    messages.add(
                            new Message(
                                    record.key(),
                                    new String(record.value(), StandardCharsets.UTF_8),
                                    record.partition(),
                                    record.offset()));
                }
            }
        }
        return messages;
    }

    /**
     * Reads the topic until it holds at least {@code count} distinct keys (aggregates evented), or
     * the timeout passes; returns those keys in the order first read.
     */
    public static List<String> keysUntil(
            String bootstrapServers, String topic, Duration timeout, int count) {
        return readUntil(
                        bootstrapServers,
                        topic,
                        timeout,
                        read -> distinctKeys(read).size() >= count)
                .stream()
                .map(Message::key)
                .distinct()
                .toList();
    }

    /** The distinct keys of {@code messages}. */
    public static Set<String> distinctKeys(List<Message> messages) {
        return messages.stream()
                .map(Message::key)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * A consumer for reading topics outside any consumer group: it commits nothing and creates no
     * topic it is asked about. The caller assigns partitions and closes it.
     */
    public static KafkaConsumer<String, byte[]> consumer(String bootstrapServers) {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
