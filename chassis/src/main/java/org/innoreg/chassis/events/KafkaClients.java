package org.innoreg.chassis.events;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The connection security every Kafka client of a service shares: its relay's producer and admin
 * client, its event consumer, and any other client a service makes. Read from the configuration as
 * {@code kafka.<setting>}, which the environment sets as {@code KAFKA_<SETTING>} - the same
 * variables Quarkus' Kafka health check reads - e.g. on Kubernetes (deploy/k8s):
 * KAFKA_SECURITY_PROTOCOL=SASL_SSL, KAFKA_SASL_MECHANISM=SCRAM-SHA-512, KAFKA_SASL_JAAS_CONFIG (the
 * KafkaUser's Secret), KAFKA_SSL_TRUSTSTORE_TYPE=PEM and KAFKA_SSL_TRUSTSTORE_LOCATION (Strimzi's
 * cluster CA). None set (the local suite, the tests): plaintext, the clients' configuration
 * unchanged.
 */
public final class KafkaClients {

    /**
     * The settings passed on: how to connect, never what to do (no group ids, timeouts or
     * serializers).
     */
    static final List<String> SECURITY_SETTINGS =
            List.of(
                    "security.protocol",
                    "sasl.mechanism",
                    "sasl.jaas.config",
                    "ssl.truststore.type",
                    "ssl.truststore.location",
                    "ssl.truststore.password",
                    "ssl.truststore.certificates",
                    "ssl.keystore.type",
                    "ssl.keystore.location",
                    "ssl.keystore.password",
                    "ssl.key.password",
                    "ssl.endpoint.identification.algorithm");

    private KafkaClients() {}

    /** The client configuration {@code own} plus the security settings that are configured. */
    public static Map<String, Object> withSecurity(Map<String, Object> own) {
        return withSecurity(
                own, name -> ConfigProvider.getConfig().getOptionalValue(name, String.class));
    }

    /**
     * A consumer of a service's events as every one of them is made: keys as text, values as the
     * raw structured CloudEvent, client id {@code <service>-<name>}, offsets never committed
     * automatically, and the security settings; {@code own} adds what this consumer does (group,
     * poll sizes, timeouts).
     */
    public static KafkaConsumer<String, byte[]> eventConsumer(
            EventsConfig config, String name, Map<String, Object> own) {
        Map<String, Object> settings = new HashMap<>(own);
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, config.service() + "-" + name);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(
                withSecurity(settings), new StringDeserializer(), new ByteArrayDeserializer());
    }

    static Map<String, Object> withSecurity(
            Map<String, Object> own, Function<String, Optional<String>> config) {
        Map<String, Object> all = new HashMap<>(own);
        for (String setting : SECURITY_SETTINGS) {
            config.apply("kafka." + setting)
                    .filter(value -> !value.isBlank())
                    .ifPresent(value -> all.put(setting, value));
        }
        return all;
    }
}
