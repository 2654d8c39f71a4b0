package org.innoreg.indicators.derived;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.testsupport.InjectKafkaBroker;
import org.innoreg.testsupport.KafkaBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

/**
 * Derived indicators follow the registry's and the projects service's events, published here as their
 * relays would publish them (structured CloudEvents, keyed by aggregate id). Each test uses regions of
 * its own so their totals do not mix.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class DerivedIndicatorTest {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EntityManager entityManager;

    @InjectKafkaBroker
    KafkaBroker broker;

    private KafkaProducer<String, byte[]> producer;

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterEach
    void close() {
        producer.close();
    }

    @Test
    void platformCountsMoveWithEventsIgnoringDuplicatesAndOlderStates() {
        String id = UUID.randomUUID().toString();
        String created = platformEvent("created", id, 1, "2019-06-01T10:00:00+08:00", "PROVINCIAL", "ACTIVE", "810101");
        publish("registry.platform.v1", id, created);
        awaitValue("platforms.tech_business_incubator.provincial", "810101", "2019", 1);
        // Rolled up to the city and the province; the type and grand totals too.
        assertValue("platforms.tech_business_incubator.provincial", "810100", "2019", 1);
        assertValue("platforms.tech_business_incubator", "810000", "2019", 1);
        assertValue("platforms", "810000", "2019", 1);

        // Upgraded to national in 2020: 2020 counts it as national; 2019 keeps what it knew.
        String upgraded = platformEvent("updated", id, 2, "2020-03-01T09:00:00+08:00", "NATIONAL", "ACTIVE", "810101");
        publish("registry.platform.v1", id, upgraded);
        awaitValue("platforms.tech_business_incubator.national", "810101", "2020", 1);
        assertValue("platforms.tech_business_incubator.provincial", "810101", "2020", 0);
        assertValue("platforms.tech_business_incubator", "810101", "2020", 1);
        assertValue("platforms.tech_business_incubator.provincial", "810101", "2019", 1);

        // The same event redelivered, the same state under a new id, and the old state arriving late.
        publish("registry.platform.v1", id, upgraded);
        publish("registry.platform.v1", id, platformEvent("updated", id, 2, "2020-03-01T09:00:00+08:00", "NATIONAL", "ACTIVE", "810101"));
        awaitConsumed(publish("registry.platform.v1", id, platformEvent("created", id, 1, "2019-06-01T10:00:00+08:00", "PROVINCIAL", "ACTIVE", "810101")));
        assertValue("platforms.tech_business_incubator.national", "810101", "2020", 1);
        assertValue("platforms.tech_business_incubator.provincial", "810101", "2020", 0);
        assertValue("platforms.tech_business_incubator.provincial", "810101", "2019", 1);
        assertValue("platforms", "810000", "2020", 1);
        assertRevisions("platforms.tech_business_incubator.national/810101/2020", 1);

        // Revoked: not counted; reinstated: counted; deleted (the event carries its last, active state): gone.
        publish("registry.platform.v1", id, platformEvent("updated", id, 3, "2020-09-01T09:00:00+08:00", "NATIONAL", "REVOKED", "810101"));
        awaitValue("platforms.tech_business_incubator.national", "810101", "2020", 0);
        assertValue("platforms", "810000", "2020", 0);
        publish("registry.platform.v1", id, platformEvent("updated", id, 4, "2020-10-01T09:00:00+08:00", "NATIONAL", "ACTIVE", "810101"));
        awaitValue("platforms", "810000", "2020", 1);
        publish("registry.platform.v1", id, platformEvent("deleted", id, 5, "2020-11-01T09:00:00+08:00", "NATIONAL", "ACTIVE", "810101"));
        awaitValue("platforms", "810000", "2020", 0);
    }

    @Test
    void projectCountsAndInvestmentByTierStageAndYear() {
        String id = UUID.randomUUID().toString();
        publish("projects.project.v1", id, projectEvent("created", id, 1, "SIGNED", "150000000", null, "2018-03-01", null, "820101"));
        awaitValue("projects.count.from_100m.signed", "820101", "2018", 1);
        assertValue("projects.planned_investment.from_100m.signed", "820101", "2018", 150_000_000);
        assertValue("projects.count", "820000", "2018", 1);

        // Landed in 2019 with investment reported: it leaves 2018's signed cells and joins 2019's landed ones.
        publish("projects.project.v1", id, projectEvent("stage-changed", id, 2, "LANDED", "150000000", "20000000", "2018-03-01", "2019-02-01", "820101"));
        awaitValue("projects.count.from_100m.landed", "820101", "2019", 1);
        assertValue("projects.count.from_100m.signed", "820101", "2018", 0);
        assertValue("projects.completed_investment.from_100m.landed", "820101", "2019", 20_000_000);
        assertValue("projects.planned_investment", "820100", "2019", 150_000_000);

        // The older state arrives late: ignored.
        awaitConsumed(publish("projects.project.v1", id, projectEvent("created", id, 1, "SIGNED", "150000000", null, "2018-03-01", null, "820101")));
        assertValue("projects.count.from_100m.landed", "820101", "2019", 1);
        assertValue("projects.count.from_100m.signed", "820101", "2018", 0);
        // Re-tiered by a larger plan, then deleted.
        publish("projects.project.v1", id, projectEvent("updated", id, 3, "LANDED", "600000000", "20000000", "2018-03-01", "2019-02-01", "820101"));
        awaitValue("projects.count.from_500m.landed", "820101", "2019", 1);
        assertValue("projects.count.from_100m.landed", "820101", "2019", 0);
        assertValue("projects.count.from_100m.signed", "820101", "2018", 0);
        assertValue("projects.planned_investment", "820000", "2019", 600_000_000);

        publish("projects.project.v1", id, projectEvent("deleted", id, 4, "LANDED", "600000000", "20000000", "2018-03-01", "2019-02-01", "820101"));
        awaitValue("projects.count", "820000", "2019", 0);
        assertValue("projects.planned_investment", "820000", "2019", 0);
    }

    @Test
    void derivedCellsAreNotWritableAndARebuildRestoresThemFromTheTopics() {
        String id = UUID.randomUUID().toString();
        publish("registry.platform.v1", id, platformEvent("created", id, 1, "2021-05-01T09:00:00+08:00", "NATIONAL", "ACTIVE", "830101"));
        awaitConsumed(publish("registry.platform.v1", id, platformEvent("updated", id, 2, "2021-06-01T09:00:00+08:00", "NATIONAL", "UNDER_REVIEW", "830101")));
        awaitValue("platforms.tech_business_incubator.national", "830101", "2021", 1);

        given().contentType(ContentType.JSON).body("{\"value\":7}")
                .put("/api/v1/indicators/platforms.tech_business_incubator.national/observations/830101/2021")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("DERIVED"));

        // Drift (as after restoring an old backup): a rebuild from the topics puts the counts right again.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                UPDATE observation SET value = 5 WHERE indicator_code = 'platforms.tech_business_incubator.national'
                   AND region_code = '830101' AND period = '2021'""").executeUpdate());
        assertValue("platforms.tech_business_incubator.national", "830101", "2021", 5);
        long changed = given().post("/api/v1/indicators/derived/rebuild").then().statusCode(200)
                .extract().jsonPath().getLong("cellsChanged");
        assertThat(changed).isGreaterThanOrEqualTo(1);
        assertValue("platforms.tech_business_incubator.national", "830101", "2021", 1);
        // Nothing left to correct: a second rebuild changes nothing, and live events still apply after it.
        given().post("/api/v1/indicators/derived/rebuild").then().statusCode(200).body("cellsChanged", equalTo(0));
        publish("registry.platform.v1", id, platformEvent("updated", id, 3, "2021-07-01T09:00:00+08:00", "PROVINCIAL", "ACTIVE", "830101"));
        awaitValue("platforms.tech_business_incubator.provincial", "830101", "2021", 1);
        assertValue("platforms.tech_business_incubator.national", "830101", "2021", 0);
    }

    @Test
    void aComputedSumTreatsAMissingDerivedCountAsZero() {
        String id = UUID.randomUUID().toString();
        publish("registry.platform.v1", id, platformEvent("created", id, 1, "2020-05-01T09:00:00+08:00", "PROVINCIAL", "ACTIVE", "840101")
                .replace("TECH_BUSINESS_INCUBATOR", "ACADEMICIAN_WORKSTATION"));
        awaitValue("platforms.academician_workstation", "840101", "2020", 1);
        given().queryParam("region", "840101").get("/api/v1/indicators/academician_and_postdoctoral_stations/series")
                .then().statusCode(200).body("items[0].value", equalTo(1)).body("items[0].period", equalTo("2020"));
    }

    /**
     * R1 from the consumer's side: Kafka is stopped for 30 s after the consumer has applied half of the
     * platforms' events; once it is back the relay publishes what waited in its outbox, and repeats some
     * events it had already sent (as it may after a failure). Every platform is counted once: the count
     * equals the platforms sent, and the cell has one revision per platform, none for the repeats.
     */
    @Test
    void aThirtySecondBrokerOutageLosesNothingAndAppliesNothingTwice() throws Exception {
        String region = "870101";
        List<String> ids = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int n = 0; n < 80; n++) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            events.add(platformEvent("created", id, 1, "2022-04-01T09:00:00+08:00", "MUNICIPAL", "ACTIVE", region));
        }
        RecordMetadata last = null;
        for (int n = 0; n < 40; n++) {
            last = publish("registry.platform.v1", ids.get(n), events.get(n));
        }
        awaitConsumed(last);
        broker.stop();
        try {
            Thread.sleep(Duration.ofSeconds(30).toMillis());
        } finally {
            broker.start();
        }
        producer.close(); // its connections died with the broker
        connect();
        for (int n = 40; n < 80; n++) {
            publish("registry.platform.v1", ids.get(n), events.get(n));
            if (n % 2 == 0) { // a repeat of an event sent before the outage, byte for byte
                publish("registry.platform.v1", ids.get(n - 40), events.get(n - 40));
            }
        }
        awaitConsumed(publish("registry.platform.v1", ids.get(0), events.get(0)));
        awaitValue("platforms", region, "2022", 80);
        Number revisions = (Number) entityManager.createNativeQuery("""
                SELECT count(*) FROM observation_revision
                 WHERE indicator_code = 'platforms' AND region_code = ?1 AND period = '2022'""")
                .setParameter(1, region).getSingleResult();
        assertThat(revisions.longValue()).as("one revision per platform, none for a repeat").isEqualTo(80);
        Number sources = (Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM derived_source WHERE source_id IN (?1)")
                .setParameter(1, ids.stream().map(id -> "registry.platform.v1/" + id).toList()).getSingleResult();
        assertThat(sources.longValue()).as("platforms the consumer keeps").isEqualTo(80);
    }

    private RecordMetadata publish(String topic, String key, String json) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, json.getBytes(StandardCharsets.UTF_8))).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String platformEvent(String action, String id, long sequence, String time, String level, String status,
            String region) {
        return envelope("registry", "platform", action, id, sequence, time, """
                {"id":"%s","nameZh":"测试孵化器","type":"TECH_BUSINESS_INCUBATOR","level":"%s","status":"%s","regionCode":"%s",
                 "version":%d,"someFieldAddedLater":{"ignored":true}}""".formatted(id, level, status, region, sequence));
    }

    private static String projectEvent(String action, String id, long sequence, String stage, String planned,
            String completed, String signedOn, String landedOn, String region) {
        String tier = new BigDecimal(planned).compareTo(new BigDecimal("1000000000")) >= 0 ? "FROM_1B"
                : new BigDecimal(planned).compareTo(new BigDecimal("500000000")) >= 0 ? "FROM_500M"
                : new BigDecimal(planned).compareTo(new BigDecimal("100000000")) >= 0 ? "FROM_100M" : "BELOW_100M";
        return envelope("projects", "project", action, id, sequence, "2019-02-01T10:00:00+08:00", """
                {"id":"%s","name":"测试项目","regionCode":"%s","plannedInvestment":%s,"tier":"%s","completedInvestment":%s,
                 "stage":"%s","signedOn":%s,"landedOn":%s,"createdAt":"2018-01-05T10:00:00+08:00","version":%d}""".formatted(
                id, region, planned, tier, completed, stage, quoted(signedOn), quoted(landedOn), sequence));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static String envelope(String service, String aggregate, String action, String id, long sequence, String time,
            String data) {
        return """
                {"specversion":"1.0","id":"%s","source":"urn:innoreg:%s","type":"org.innoreg.%s.%s.%s","subject":"%s",
                 "time":"%s","sequence":"%020d","datacontenttype":"application/json","data":%s}""".formatted(
                UUID.randomUUID(), service, service, aggregate, action, id, time, sequence, data);
    }

    private static void awaitValue(String code, String region, String period, long expected) {
        await().atMost(WITHIN).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertValue(code, region, period, expected));
    }

    private static void assertValue(String code, String region, String period, long expected) {
        given().get("/api/v1/indicators/" + code + "/observations/" + region + "/" + period).then()
                .statusCode(200).body("value", equalTo((int) expected));
    }

    private static void assertRevisions(String cell, int count) {
        String[] parts = cell.split("/");
        given().get("/api/v1/indicators/" + parts[0] + "/observations/" + parts[1] + "/" + parts[2] + "/revisions")
                .then().body("items.size()", equalTo(count));
    }

    /** Waits until the service's consumer group has committed past this record: it was applied or recognised. */
    private void awaitConsumed(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("indicators-service")
                        .partitionsToOffsetAndMetadata().get().get(partition);
                assertThat(committed).isNotNull();
                assertThat(committed.offset()).isGreaterThan(record.offset());
            });
        }
    }
}
