package org.innoreg.chassis.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("fast")
class KafkaClientsTest {

    @Test
    void withNothingConfiguredTheClientsConfigurationIsUnchanged() {
        Map<String, Object> own = Map.of("bootstrap.servers", "127.0.0.1:9092", "acks", "all");
        assertThat(KafkaClients.withSecurity(own, name -> Optional.empty())).isEqualTo(own);
    }

    @Test
    void securitySettingsArePassedOnAndNothingElse() {
        Map<String, String> config =
                Map.of(
                        "kafka.security.protocol", "SASL_SSL",
                        "kafka.sasl.mechanism", "SCRAM-SHA-512",
                        "kafka.sasl.jaas.config",
                                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                        "kafka.ssl.truststore.type", "PEM",
                        "kafka.ssl.truststore.location", "/etc/innoreg/kafka-ca/ca.crt",
                        "kafka.ssl.keystore.location", " ",
                        "kafka.group.id", "not-this",
                        "kafka.bootstrap.servers", "not-this-either:9093");
        Map<String, Object> all =
                KafkaClients.withSecurity(
                        Map.of("bootstrap.servers", "kafka:9093", "group.id", "gateway-service"),
                        name -> Optional.ofNullable(config.get(name)));
        assertThat(all)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/etc/innoreg/kafka-ca/ca.crt")
                .containsEntry("bootstrap.servers", "kafka:9093")
                .containsEntry("group.id", "gateway-service")
                .doesNotContainKey("ssl.keystore.location");
        assertThat((String) all.get("sasl.jaas.config"))
                .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule");
        assertThat(all).hasSize(7);
    }
}
