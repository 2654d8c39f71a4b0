package org.innoreg.chassis.health;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * Rows of the outbox not yet acknowledged by Kafka, and how old the oldest is: the relay's lag, the
 * one number to alert on when events stop flowing (a broker outage, a relay that cannot take the
 * lock). Read by the readiness answer and as the gauges {@code innoreg_outbox_pending} and {@code
 * innoreg_outbox_lag_seconds}; measured at most once a second, whoever asks.
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);
    private static final long REUSE_NANOS = 1_000_000_000L;

    /** Pending rows and the age of the oldest in seconds (0 when none). */
    public record Measure(long pending, double lagSeconds) {}

    private final AgroalDataSource dataSource;
    private Measure last;
    private long measuredAt;

    OutboxBacklog(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void registerGauges(@Observes StartupEvent startup, MeterRegistry meters) {
        Gauge.builder("innoreg.outbox.pending", this, backlog -> value(backlog.measure(), false))
                .description("Outbox rows not yet acknowledged by Kafka")
                .register(meters);
        Gauge.builder("innoreg.outbox.lag", this, backlog -> value(backlog.measure(), true))
                .baseUnit("seconds")
                .description("Age of the oldest outbox row not yet acknowledged by Kafka")
                .register(meters);
    }

    private static double value(Measure measure, boolean lag) {
        return measure == null ? Double.NaN : lag ? measure.lagSeconds() : measure.pending();
    }

    /** The backlog, or null when the database does not answer within a second. */
    public synchronized Measure measure() {
        long now = System.nanoTime();
        if (last != null && now - measuredAt < REUSE_NANOS) {
            return last;
        }
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            // Bounded: a readiness answer must come within about a second even when the database is
            // slow.
            statement.setQueryTimeout(1);
            try (ResultSet rs =
                    statement.executeQuery(
                            """
                    SELECT count(*), coalesce(extract(epoch FROM now() - min(occurred_at)), 0)
                      FROM outbox_event WHERE published_at IS NULL
                    """)) {
                rs.next();
                last = new Measure(rs.getLong(1), Math.max(0, rs.getDouble(2)));
            }
        } catch (SQLException e) {
            LOG.debugf("outbox backlog not measured: %s", e);
            last = null;
        }
        measuredAt = now;
        return last;
    }
}
