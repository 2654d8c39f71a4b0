package org.innoreg.chassis.events;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.innoreg.chassis.write.AggregateType;
import org.jboss.logging.Logger;

/**
 * Creates every topic of the service's aggregates once it has started, with the configured
 * partitions and replication: a partner that subscribes to every channel the AsyncAPI document
 * lists finds each topic, also one no change has been written to yet (the relay alone creates a
 * topic before its first event). In the background, retried until the broker answers, so that
 * startup and readiness never wait on Kafka; an existing topic is left as it is.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = Logger.getLogger(TopicProvisioner.class);

    private final EventsConfig config;
    private final List<String> topics;
    private volatile boolean done;
    private volatile boolean stopped;
    private Thread thread;

    TopicProvisioner(EventsConfig config, @Any Instance<AggregateType<?>> aggregates) {
        this.config = config;
        // the service's OpenAPI document states PublishedEvents' contracts: an aggregate missing
        // there would publish on a topic no published document names
        List<EventContract> declared = PublishedEvents.declared();
        aggregates.forEach(
                aggregate -> {
                    if (!declared.contains(aggregate.contract())) {
                        throw new IllegalStateException(
                                "the "
                                        + aggregate.name()
                                        + " event contract is not among the service's"
                                        + " PublishedEvents");
                    }
                });
        this.topics =
                aggregates.stream()
                        .map(aggregate -> config.topic(aggregate.name()))
                        .distinct()
                        .sorted()
                        .toList();
    }

    void start(@Observes StartupEvent startup) {
        if (!config.relay().enabled() || topics.isEmpty()) {
            return;
        }
        thread = new Thread(this::provision, "topic-provisioner");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** The service's topics, {@code <service>.<aggregate>.v1}. */
    public List<String> topics() {
        return topics;
    }

    /** Whether every topic exists (created here or before). */
    public boolean done() {
        return done;
    }

    private void provision() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30));
        int attempts = 0;
        while (!stopped && !done) {
            attempts++;
            try (Admin admin =
                    Admin.create(
                            KafkaClients.withSecurity(
                                    Map.of(
                                            "bootstrap.servers",
                                            config.bootstrapServers(),
                                            "default.api.timeout.ms",
                                            "15000",
                                            "request.timeout.ms",
                                            "10000")))) {
                create(
                        admin,
                        topics,
                        config.relay().topicPartitions(),
                        config.relay().topicReplication());
                done = true;
                LOG.infof("topics ready: %s", String.join(", ", topics));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // Kafka unreachable: the relay waits for it too; the topics are created once it
                // answers
                if (attempts == 1) {
                    LOG.warnf(
                            "topics not created yet (%s); retrying until Kafka answers",
                            e.toString());
                } else {
                    LOG.debugf("topics not created yet (%s)", e.toString());
                }
                try {
                    backoff.sleep();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Creates the topics that do not exist; one that another replica (or the relay) created
     * meanwhile is fine.
     */
    static void create(Admin admin, List<String> names, int partitions, Optional<Short> replication)
            throws Exception {
        for (String name : names) {
            try {
                admin.createTopics(
                                List.of(new NewTopic(name, Optional.of(partitions), replication)))
                        .all()
                        .get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
