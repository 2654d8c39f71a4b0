package org.innoreg.indicators.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.innoreg.chassis.events.EventsConfig;
import org.innoreg.chassis.events.KafkaClients;
import org.innoreg.chassis.events.ReceivedEvent;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.indicators.derived.ContributionRule;
import org.innoreg.indicators.domain.Contribution;
import org.jboss.logging.Logger;

/**
 * The rebuild's reading of the topics derived indicators come from: every event from the beginning,
 * through the rule of its topic (a record that is not a CloudEvent is logged and skipped). Kafka
 * unreachable: a 503 problem.
 */
@ApplicationScoped
class DerivedTopicReplay {

    private static final Logger LOG = Logger.getLogger(DerivedTopicReplay.class);
    private static final Duration REBUILD_READ_LIMIT = Duration.ofMinutes(30);

    private final Instance<ContributionRule> rules;
    private final EventsConfig events;
    private final ObjectMapper json;

    DerivedTopicReplay(
            @Any Instance<ContributionRule> rules, EventsConfig events, ObjectMapper json) {
        this.rules = rules;
        this.events = events;
        this.json = json;
    }

    /**
     * Reads the derived rules' topics from the beginning up to their current ends, handing each
     * event's contributions to {@code apply}.
     *
     * @return how many events were read
     */
    long replay(BiConsumer<ReceivedEvent, List<Contribution>> apply) {
        Map<String, ContributionRule> byTopic = new LinkedHashMap<>();
        rules.forEach(rule -> byTopic.put(rule.topic(), rule));
        long read = 0;
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(
                        KafkaClients.withSecurity(
                                Map.of(
                                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                        events.bootstrapServers(),
                                        ConsumerConfig.CLIENT_ID_CONFIG,
                                        events.service() + "-derived-rebuild",
                                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                        false,
                                        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                                        false,
                                        ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                                        10_000,
                                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                                        2_000)),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : byTopic.keySet()) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos != null) {
                    infos.forEach(
                            p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + REBUILD_READ_LIMIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "rebuild could not read its topics within " + REBUILD_READ_LIMIT);
                }
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset()
                            >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    ReceivedEvent event;
                    try {
                        event =
                                ReceivedEvent.parse(
                                        new String(record.value(), StandardCharsets.UTF_8),
                                        record.topic(),
                                        json);
                    } catch (RuntimeException notACloudEvent) {
                        LOG.errorf(
                                "rebuild skips %s-%d@%d: not a structured JSON CloudEvent",
                                record.topic(), record.partition(), record.offset());
                        continue;
                    }
                    byTopic.get(record.topic())
                            .read(event)
                            .ifPresent(contributions -> apply.accept(event, contributions));
                    read++;
                }
            }
        } catch (KafkaException e) {
            throw new ProblemException(
                    503,
                    "kafka-unavailable",
                    Messages.text("indicator.kafka-unavailable", e.getMessage()),
                    null);
        }
        return read;
    }
}
