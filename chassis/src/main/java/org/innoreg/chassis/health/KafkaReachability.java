package org.innoreg.chassis.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.innoreg.chassis.events.EventsConfig;
import org.innoreg.chassis.events.KafkaClients;

/**
 * Whether the brokers answer, probed in the background: a caller gets the last probe's answer at
 * once and starts a new probe when that one is older than {@link #PROBE_EVERY_MS}. Never blocks a
 * health request.
 */
@ApplicationScoped
public class KafkaReachability {

    static final long PROBE_EVERY_MS = 5_000;

    private final EventsConfig config;
    private Admin admin;
    private volatile String status = "not probed yet";
    private volatile long probedAt;
    private volatile boolean probing;

    KafkaReachability(EventsConfig config) {
        this.config = config;
    }

    /**
     * e.g. "UP (3 brokers, probed 2026-12-01T20:50:01Z)" or "DOWN (TimeoutException, probed …)".
     */
    public String status() {
        long now = System.currentTimeMillis();
        if (!probing && now - probedAt > PROBE_EVERY_MS) {
            probe(now);
        }
        return status;
    }

    private synchronized void probe(long now) {
        if (probing) {
            return;
        }
        probing = true;
        probedAt = now;
        try {
            admin().describeCluster(new DescribeClusterOptions().timeoutMs(3_000))
                    .nodes()
                    .toCompletionStage()
                    .whenComplete(
                            (nodes, failure) -> {
                                String when = ", probed " + Instant.ofEpochMilli(now);
                                status =
                                        failure == null
                                                ? "UP ("
                                                        + nodes.size()
                                                        + " broker"
                                                        + (nodes.size() == 1 ? "" : "s")
                                                        + when
                                                        + ")"
                                                : "DOWN ("
                                                        + rootCause(failure)
                                                                .getClass()
                                                                .getSimpleName()
                                                        + when
                                                        + ")";
                                probing = false;
                            });
        } catch (RuntimeException e) {
            status = "DOWN (" + e.getClass().getSimpleName() + ")";
            probing = false;
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private Admin admin() {
        if (admin == null) {
            admin =
                    Admin.create(
                            KafkaClients.withSecurity(
                                    Map.of(
                                            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                            config.bootstrapServers(),
                                            AdminClientConfig.CLIENT_ID_CONFIG,
                                            config.service() + "-health",
                                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                                            3_000,
                                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                                            3_000)));
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(1));
        }
    }
}
