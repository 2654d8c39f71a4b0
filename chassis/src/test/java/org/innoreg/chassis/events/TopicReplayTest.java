package org.innoreg.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class TopicReplayTest {

    private static final String TOPIC = "registry.platform.v1";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private final ObjectMapper json = new ObjectMapper();
    private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
    private final List<ReceivedEvent> replayed = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    TopicReplayTest() {
        Node broker = new Node(0, "localhost", 9092);
        Node[] replicas = {broker};
        consumer.updatePartitions(
                TOPIC,
                List.of(
                        new PartitionInfo(TOPIC, 0, broker, replicas, replicas),
                        new PartitionInfo(TOPIC, 1, broker, replicas, replicas)));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    }

    @Test
    void readsEveryPartitionFromItsBeginningToItsEndAsItWasAndSkipsWhatIsNoCloudEvent() {
        consumer.updateEndOffsets(Map.of(P0, 2L, P1, 1L));
        consumer.schedulePollTask(
                () -> {
                    consumer.addRecord(record(P0, 0, event("e1", 1)));
                    consumer.addRecord(record(P1, 0, "not a CloudEvent"));
                    consumer.addRecord(record(P0, 1, event("e2", 2)));
                    // published after the replay took the ends: left to the consumer
                    consumer.addRecord(record(P1, 1, event("e3", 1)));
                });

        long read = replay(List.of(TOPIC, "no.such.topic.v1"), Duration.ofMinutes(1));

        assertThat(read).isEqualTo(2);
        assertThat(replayed).extracting(ReceivedEvent::id).containsExactly("e1", "e2");
        assertThat(replayed.get(1).partition()).isZero();
        assertThat(replayed.get(1).offset()).isEqualTo(1);
        assertThat(replayed.get(1).sequence()).isEqualTo(2);
        assertThat(replayed.get(1).data().path("code").asText()).isEqualTo("P-2");
        assertThat(names).containsExactly("test-rebuild");
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void emptyTopicsAreReadAtOnce() {
        consumer.updateEndOffsets(Map.of(P0, 0L, P1, 0L));

        assertThat(replay(List.of(TOPIC), Duration.ofMinutes(1))).isZero();
        assertThat(replayed).isEmpty();
    }

    @Test
    void aReplayThatCannotReachTheEndsGivesUpAtItsLimit() {
        consumer.updateEndOffsets(Map.of(P0, 1L, P1, 0L));

        assertThatThrownBy(() -> replay(List.of(TOPIC), Duration.ofMillis(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("within");
    }

    @Test
    void kafkaFailingIsTheCallersToAnswer() {
        consumer.updateEndOffsets(Map.of(P0, 1L, P1, 0L));
        consumer.setPollException(new KafkaException("broker away"));

        assertThatThrownBy(() -> replay(List.of(TOPIC), Duration.ofMinutes(1)))
                .isInstanceOf(KafkaException.class);
        assertThat(consumer.closed()).isTrue();
    }

    private long replay(List<String> topics, Duration limit) {
        TopicReplay replay =
                new TopicReplay(
                        name -> {
                            names.add(name);
                            return consumer;
                        },
                        json);
        return replay.replay("test-rebuild", topics, limit, replayed::add);
    }

    private static ConsumerRecord<String, byte[]> record(
            TopicPartition partition, long offset, String value) {
        return new ConsumerRecord<>(
                partition.topic(),
                partition.partition(),
                offset,
                "key",
                value.getBytes(StandardCharsets.UTF_8));
    }

    private static String event(String id, long sequence) {
        return new String(
                CloudEventCodec.serialize(
                        CloudEventCodec.build(
                                id,
                                "/innoreg/registry",
                                "org.innoreg.registry.platform.updated",
                                "subject-1",
                                OffsetDateTime.parse("2026-01-01T00:00:00Z"),
                                sequence,
                                null,
                                "{\"code\":\"P-" + sequence + "\"}")),
                StandardCharsets.UTF_8);
    }
}
