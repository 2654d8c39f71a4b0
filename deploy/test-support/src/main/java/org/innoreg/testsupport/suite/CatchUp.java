package org.innoreg.testsupport.suite;

import static org.innoreg.testsupport.Waiting.sleep;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.innoreg.testsupport.suite.Suite.Service;

/**
 * Waits until every committed change has reached its readers: no outbox row of the three publishing
 * services waits, and the consumer groups of the gateway ({@code gateway-service}) and of
 * indicators-service ({@code indicators-service}) have committed the end of every partition they
 * read. A consumer commits after the transactions that applied its records, so a caught-up group
 * has applied everything.
 */
public final class CatchUp implements AutoCloseable {

    /**
     * The topics the gateway's feed and search read (every domain service's), and the ones derived
     * indicators read.
     */
    private static final Pattern GATEWAY_TOPICS =
            Pattern.compile("(registry|projects|indicators)\\.[a-z-]+\\.v[0-9]+");

    private static final Set<String> INDICATORS_TOPICS =
            Set.of("registry.platform.v1", "projects.project.v1");

    /**
     * Once a wait has timed out, later waits are this short: a stuck reader must not make every
     * later look wait the whole time.
     */
    private static final Duration AFTER_A_TIMEOUT = Duration.ofSeconds(10);

    private final Deployment suite;
    private final Admin admin;
    private boolean timedOut;

    public CatchUp(Deployment suite) {
        this.suite = suite;
        this.admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                suite.bootstrapServers(),
                                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                                5000,
                                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                                10000));
    }

    /**
     * Returns once the suite has been caught up at two looks in a row, half a second apart.
     *
     * @return what was still pending at the last look when the deadline passed (empty: caught up)
     */
    public String await(Duration timeout) {
        if (timedOut && timeout.compareTo(AFTER_A_TIMEOUT) > 0) {
            timeout = AFTER_A_TIMEOUT;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        int calm = 0;
        String pending = "";
        while (System.nanoTime() < deadline) {
            pending = pending();
            calm = pending.isEmpty() ? calm + 1 : 0;
            if (calm >= 2) {
                return "";
            }
            sleep(500);
        }
        timedOut = true;
        return pending;
    }

    /** What has not reached its readers yet, described; empty when nothing. */
    public String pending() {
        List<String> pending = new ArrayList<>();
        for (Service service : List.of(Service.REGISTRY, Service.PROJECTS, Service.INDICATORS)) {
            try (Connection c = suite.connect(service);
                    Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery(
                                    "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    pending.add(
                            service.shortName + ": " + rs.getLong(1) + " outbox rows unpublished");
                }
            } catch (SQLException e) {
                pending.add(service.shortName + ": outbox unreadable (" + e.getMessage() + ")");
            }
        }
        try {
            Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<String> gatewayTopics =
                    topics.stream().filter(t -> GATEWAY_TOPICS.matcher(t).matches()).toList();
            List<String> indicatorTopics =
                    topics.stream().filter(INDICATORS_TOPICS::contains).toList();
            Map<TopicPartition, Long> ends = endOffsets(gatewayTopics);
            lag("gateway-service", ends, pending);
            Map<TopicPartition, Long> indicatorEnds = new HashMap<>();
            ends.forEach(
                    (p, end) -> {
                        if (indicatorTopics.contains(p.topic())) {
                            indicatorEnds.put(p, end);
                        }
                    });
            lag("indicators-service", indicatorEnds, pending);
        } catch (ExecutionException | TimeoutException e) {
            pending.add("kafka: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.add("interrupted");
        }
        return String.join("; ", pending);
    }

    private Map<TopicPartition, Long> endOffsets(List<String> topics)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (topics.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicDescription> descriptions =
                admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        descriptions
                .values()
                .forEach(
                        d ->
                                d.partitions()
                                        .forEach(
                                                p ->
                                                        latest.put(
                                                                new TopicPartition(
                                                                        d.name(), p.partition()),
                                                                OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest)
                .all()
                .get(10, TimeUnit.SECONDS)
                .forEach((p, info) -> ends.put(p, info.offset()));
        return ends;
    }

    private void lag(String group, Map<TopicPartition, Long> ends, List<String> pending)
            throws InterruptedException, ExecutionException, TimeoutException {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata()
                        .get(10, TimeUnit.SECONDS);
        long behind = 0;
        List<String> where = new ArrayList<>();
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            long lag = end.getValue() - (at == null ? 0 : at.offset());
            if (lag > 0) {
                behind += lag;
                where.add(end.getKey() + ":" + lag);
            }
        }
        if (behind > 0) {
            pending.add(
                    group
                            + " "
                            + behind
                            + " behind "
                            + where
                            + (committed.isEmpty()
                                    ? " (the group has committed nothing: does the consumer run under that group id?)"
                                    : ""));
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
