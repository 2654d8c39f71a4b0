package org.innoreg.chassis.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** How a service publishes and consumes events ({@code innoreg.events.*}). */
@ConfigMapping(prefix = "innoreg.events")
public interface EventsConfig {

    /**
     * The service's short name: first part of its topics and event types, e.g. {@code registry}.
     */
    String service();

    /** Kafka bootstrap servers, shared with the Kafka client extension's health check. */
    @WithName("bootstrap-servers")
    @WithDefault("${kafka.bootstrap.servers}")
    String bootstrapServers();

    Relay relay();

    Consumer consumer();

    interface Relay {
        /** Off only where a test wants rows to stay in the outbox. */
        @WithDefault("true")
        boolean enabled();

        /** Longest wait between two looks at the outbox when no NOTIFY arrives. */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * Rows read, sent and marked per round while a backlog drains. Each round costs a query, a
         * flush with its acknowledgements and an update, whatever its size: 500 drained at about a
         * quarter of Kafka's own producer's rate, 2,000 at over a half (bench P7, same run); a
         * round holds about 2 MB.
         */
        @WithDefault("2000")
        int batchSize();

        /**
         * Partitions of the service's topics (created at start, TopicProvisioner, or by the relay
         * before a first event).
         */
        @WithDefault("3")
        int topicPartitions();

        /**
         * Replication factor of the service's topics; unset, the broker's {@code
         * default.replication.factor} (3 on the suite's clusters, 1 on a single local broker).
         */
        Optional<Short> topicReplication();

        /** Published rows are kept this long for inspection, then purged. */
        @WithDefault("P7D")
        Duration keepPublished();
    }

    interface Consumer {
        @WithDefault("true")
        boolean enabled();

        /** Kafka consumer group; defaults to {@code <service>-service}. */
        Optional<String> groupId();

        /**
         * This replica's static group membership ({@code group.instance.id}), stable across its
         * restarts: a replica that comes back under the same id gets its partitions again at once,
         * without waiting for the group to notice the old process is gone. Set per replica by
         * deploy/cluster (and a StatefulSet's pod name would do); unset, the replica is a dynamic
         * member.
         */
        Optional<String> instanceId();

        /**
         * How long the group waits for a silent member before handing its partitions to the others
         * (Kafka's default is 45 s: that long a killed replica's partitions were not consumed).
         */
        @WithDefault("10s")
        Duration sessionTimeout();
    }

    /** {@code <service>.<aggregate>.v1}: one topic per aggregate type. */
    default String topic(String aggregateType) {
        return EventContract.topic(service(), aggregateType);
    }

    /**
     * {@code org.innoreg.<service>.<aggregate>.<action>}, e.g.
     * org.innoreg.registry.platform.created.
     */
    default String eventType(String aggregateType, String action) {
        return EventContract.type(service(), aggregateType, action);
    }

    /** The CloudEvents {@code source} of every event this service publishes. */
    default String source() {
        return EventContract.source(service());
    }
}
