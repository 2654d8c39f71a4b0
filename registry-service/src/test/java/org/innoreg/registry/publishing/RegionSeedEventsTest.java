package org.innoreg.registry.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.registry.service.RegionSeedEvents;
import org.innoreg.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * The regions a migration seeded are on registry.region.v1 like those created over the API: a
 * reader of the topic from its beginning knows every region the records refer to.
 */
@QuarkusTest
class RegionSeedEventsTest {

    @Inject RegionSeedEvents seedEvents;

    @Inject ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eachSeededRegionIsReportedOnceAtStart() throws Exception {
        assertThat(seedEvents.publishMissing()).as("the start reported them all").isZero();

        List<TopicReader.Message> changde =
                TopicReader.readUntil(
                                bootstrapServers,
                                "registry.region.v1",
                                Duration.ofSeconds(30),
                                read -> read.stream().anyMatch(m -> "430700".equals(m.key())))
                        .stream()
                        .filter(m -> "430700".equals(m.key()))
                        .toList();
        assertThat(changde).hasSize(1);
        JsonNode event = json.readTree(changde.get(0).value());
        assertThat(event.path("type").asText()).isEqualTo("org.innoreg.registry.region.created");
        assertThat(event.path("sequence").asText()).isEqualTo("00000000000000000001");
        assertThat(event.path("data").path("nameZh").asText()).isEqualTo("常德市");
        assertThat(event.path("data").path("parentCode").asText()).isEqualTo("430000");
    }
}
