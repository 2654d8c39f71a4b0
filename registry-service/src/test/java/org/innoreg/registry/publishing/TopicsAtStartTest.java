package org.innoreg.registry.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Every topic of the service exists once it has started, before any change is written: under a
 * service name no test has written events for, so that only the start can have created them.
 */
@QuarkusTest
@TestProfile(TopicsAtStartTest.FreshService.class)
class TopicsAtStartTest {

    public static class FreshService implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "innoreg.events.service",
                    "topics" + UUID.randomUUID().toString().substring(0, 8),
                    "innoreg.events.relay.topic-partitions",
                    "2");
        }
    }

    @Test
    void everyAggregatesTopicExistsWithTheConfiguredPartitions() throws Exception {
        // the profile's name as the application sees it (the profile class is loaded apart from the
        // test's)
        String service =
                ConfigProvider.getConfig().getValue("innoreg.events.service", String.class);
        assertThat(service).startsWith("topics");
        List<String> topics =
                List.of(
                        service + ".organization.v1",
                        service + ".platform.v1",
                        service + ".region.v1");
        String bootstrap =
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!admin.listTopics().names().get(10, TimeUnit.SECONDS).containsAll(topics)) {
                assertThat(System.nanoTime())
                        .as("the topics %s exist within 30 s of the start", topics)
                        .isLessThan(deadline);
                Thread.sleep(200);
            }
            Map<String, TopicDescription> described =
                    admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
            assertThat(described.values())
                    .allSatisfy(topic -> assertThat(topic.partitions()).hasSize(2));
        }
    }
}
