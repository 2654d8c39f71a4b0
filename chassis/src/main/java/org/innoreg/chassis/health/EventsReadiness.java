package org.innoreg.chassis.health;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.innoreg.chassis.events.OutboxRelay;

/**
 * How events flow, as data in the readiness answer, never as its verdict: while Kafka is away the
 * API still answers and every write waits in the outbox (published once the broker is back), so a
 * service that is taken out of its load balancer for that would turn a broker outage into a suite
 * outage. The verdict is the database's (Quarkus' datasource checks); alert on the backlog instead
 * ({@code innoreg_outbox_lag_seconds}, deploy/README.md "Scale and failover").
 *
 * <p>Replaces Quarkus' Kafka readiness check, which blocked 60 s and then said DOWN. Nothing here
 * waits: the broker's reachability is the last background probe's answer and the backlog a query
 * bounded by a statement timeout.
 */
@Readiness
@ApplicationScoped
public class EventsReadiness implements HealthCheck {

    private final OutboxBacklog backlog;
    private final KafkaReachability kafka;
    private final OutboxRelay relay;

    EventsReadiness(OutboxBacklog backlog, KafkaReachability kafka, OutboxRelay relay) {
        this.backlog = backlog;
        this.kafka = kafka;
        this.relay = relay;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named(
                                "Events (informational: Kafka away delays events, never writes)")
                        .up()
                        .withData("kafka", kafka.status())
                        .withData("relay", relay.status());
        OutboxBacklog.Measure measure = backlog.measure();
        if (measure == null) {
            response.withData("outbox", "unknown (the database did not answer)");
        } else {
            response.withData("outboxPending", measure.pending())
                    .withData(
                            "outboxLagSeconds",
                            String.format(Locale.ROOT, "%.1f", measure.lagSeconds()));
        }
        return response.build();
    }
}
