package org.innoreg.chassis.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * A rebuild's reading of topics: each from its beginning up to its end as it is when the replay
 * starts (events published meanwhile are left to the {@link EventConsumer}), outside any consumer
 * group and committing nothing. A record that is not a structured JSON CloudEvent is logged and
 * skipped, as the consumer does.
 */
@ApplicationScoped
public class TopicReplay {

    /**
     * What a replay's consumer adds to every event consumer's settings: it creates no topic it is
     * asked about, and takes large polls.
     */
    private static final Map<String, Object> SETTINGS =
            Map.of(
                    ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG,
                    false,
                    ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                    10_000,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                    2_000);

    /** A new consumer for a replay, by the name of what replays; the replay closes it. */
    private final Function<String, Consumer<String, byte[]>> consumers;

    private final ObjectMapper json;

    @Inject
    TopicReplay(EventsConfig config, ObjectMapper json) {
        this(name -> KafkaClients.eventConsumer(config, name, SETTINGS), json);
    }

    /** Replays on consumers made elsewhere (a test's MockConsumer). */
    TopicReplay(Function<String, Consumer<String, byte[]>> consumers, ObjectMapper json) {
        this.consumers = consumers;
        this.json = json;
    }

    /**
     * Replays {@code topics} (one that does not exist has nothing to replay), handing each event to
     * {@code each} in its partition's order. Blocking.
     *
     * @param name what replays, for the Kafka client id {@code <service>-<name>}
     * @param limit how long the reading may take before it gives up
     * @return how many events were handed over
     * @throws org.apache.kafka.common.KafkaException Kafka could not be read: what that means for a
     *     request is the caller's to say
     * @throws IllegalStateException the topics were not read to their ends within {@code limit}
     */
    public long replay(
            String name,
            Collection<String> topics,
            Duration limit,
            java.util.function.Consumer<ReceivedEvent> each) {
        try (Consumer<String, byte[]> consumer = consumers.apply(name)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic);
                if (infos != null) {
                    infos.forEach(
                            p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + limit.toNanos();
            long read = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "topics "
                                    + topics
                                    + " could not be read to their ends within "
                                    + limit);
                }
                for (ConsumerRecord<String, byte[]> record :
                        consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset()
                            < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        Optional<ReceivedEvent> event = ReceivedEvent.read(record, json);
                        if (event.isPresent()) {
                            each.accept(event.get());
                            read++;
                        }
                    }
                }
            }
            return read;
        }
    }
}
