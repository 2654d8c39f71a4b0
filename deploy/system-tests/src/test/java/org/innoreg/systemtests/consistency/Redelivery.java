package org.innoreg.systemtests.consistency;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.innoreg.testsupport.suite.Api;

/**
 * Redelivered and reordered events, as Kafka and the relays may hand them to consumers: copies of
 * events already published, read back from the topics, produced again onto the same topic and
 * partition (same key, same headers), several times and in shuffled order, so consumers meet
 * repeats and older sequences after newer ones. Most copies are byte-for-byte (a redelivery: the
 * same event id); some carry a fresh id (a replay the inbox cannot recognise, so only the {@code
 * sequence} rule keeps the read models right).
 */
final class Redelivery implements AutoCloseable {

    static final List<String> TOPICS =
            List.of("registry.platform.v1", "registry.organization.v1", "projects.project.v1");

    /** An event as published by its service. */
    record Published(
            String topic,
            int partition,
            long offset,
            byte[] key,
            byte[] value,
            org.apache.kafka.common.header.Headers headers) {}

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Set<TopicPartition> assigned = new HashSet<>();

    /** Offsets of the copies produced here: never taken for originals. */
    private final Set<String> ours = new HashSet<>();

    private final List<Published> published = new ArrayList<>();
    int copies;
    int freshIdCopies;
    final Set<String> redeliveredOriginals = new HashSet<>();

    Redelivery(String bootstrapServers) {
        consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false,
                                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                                false),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
        producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                                true,
                                ProducerConfig.LINGER_MS_CONFIG,
                                0),
                        new ByteArraySerializer(),
                        new ByteArraySerializer());
    }

    /** Reads what the services published since the last look. */
    List<Published> refresh() {
        List<TopicPartition> fresh = new ArrayList<>();
        for (String topic : TOPICS) {
            try {
                consumer.partitionsFor(topic, Duration.ofSeconds(2))
                        .forEach(
                                p -> {
                                    TopicPartition partition =
                                            new TopicPartition(topic, p.partition());
                                    if (!assigned.contains(partition)) {
                                        fresh.add(partition);
                                    }
                                });
            } catch (org.apache.kafka.common.KafkaException notYet) {
                // the topic appears with its first event
            }
        }
        if (!fresh.isEmpty()) {
            assigned.addAll(fresh);
            consumer.assign(assigned);
            consumer.seekToBeginning(fresh);
        }
        if (assigned.isEmpty()) {
            return published;
        }
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (assigned.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                if (!ours.contains(
                        record.topic() + "/" + record.partition() + "/" + record.offset())) {
                    published.add(
                            new Published(
                                    record.topic(),
                                    record.partition(),
                                    record.offset(),
                                    record.key(),
                                    record.value(),
                                    record.headers()));
                }
            }
        }
        return published;
    }

    /**
     * Produces copies of {@code originals} events picked at random among those published so far:
     * each one to three times, all shuffled, about one in four with a fresh event id.
     *
     * @return how many copies were produced
     */
    int redeliver(Random random, int originals) {
        List<Published> pool = refresh();
        if (pool.isEmpty()) {
            return 0;
        }
        List<ProducerRecord<byte[], byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < originals; i++) {
            Published event = pool.get(random.nextInt(pool.size()));
            redeliveredOriginals.add(
                    event.topic() + "/" + event.partition() + "/" + event.offset());
            int times = 1 + random.nextInt(3);
            for (int t = 0; t < times; t++) {
                boolean freshId = random.nextInt(4) == 0;
                byte[] value = freshId ? withFreshId(event.value()) : event.value();
                batch.add(
                        new ProducerRecord<>(
                                event.topic(),
                                event.partition(),
                                event.key(),
                                value,
                                event.headers()));
                if (freshId) {
                    freshIdCopies++;
                }
            }
        }
        java.util.Collections.shuffle(batch, random);
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (ProducerRecord<byte[], byte[]> record : batch) {
            sent.add(producer.send(record));
        }
        producer.flush();
        for (Future<RecordMetadata> future : sent) {
            try {
                RecordMetadata at = future.get();
                ours.add(at.topic() + "/" + at.partition() + "/" + at.offset());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(
                        "could not produce a redelivered event", e.getCause());
            }
        }
        copies += batch.size();
        return batch.size();
    }

    private static byte[] withFreshId(byte[] cloudEvent) {
        try {
            ObjectNode event = (ObjectNode) Api.JSON.readTree(cloudEvent);
            event.put("id", UUID.randomUUID().toString());
            return Api.JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
        producer.close(Duration.ofSeconds(5));
    }
}
