package org.innoreg.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts one real Kafka broker per test JVM and points the service at it ({@code
 * kafka.bootstrap.servers}). Tests reach the broker through a field annotated {@link
 * InjectKafkaBroker}, e.g. to stop it for an outage drill.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;

    static synchronized KafkaBroker broker() {
        if (broker == null) {
            broker = KafkaBroker.onFreePorts();
            KafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "kafka-broker-stop"));
        }
        return broker.start();
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", broker().bootstrapServers());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(
                broker(),
                new TestInjector.AnnotatedAndMatchesType(
                        InjectKafkaBroker.class, KafkaBroker.class));
    }

    @Override
    public void stop() {
        // The broker lives as long as the test JVM (it may serve several application restarts);
        // a shutdown hook and the broker's own parent watch end it.
    }
}
