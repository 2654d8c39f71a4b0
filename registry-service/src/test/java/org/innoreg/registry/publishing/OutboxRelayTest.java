package org.innoreg.registry.publishing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.innoreg.testsupport.Waiting.sleep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.chassis.events.OutboxRelay;
import org.innoreg.registry.domain.RegionLevel;
import org.innoreg.registry.mapping.RegionInput;
import org.innoreg.registry.service.RegionService;
import org.innoreg.testsupport.InjectKafkaBroker;
import org.innoreg.testsupport.KafkaBroker;
import org.innoreg.testsupport.TopicReader;
import org.innoreg.testsupport.TopicReader.Message;
import org.junit.jupiter.api.Test;

/**
 * The outbox end to end: committed changes reach Kafka once, rolled-back ones never, outages lose
 * nothing.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class OutboxRelayTest {

    private static final String TOPIC = "registry.region.v1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectKafkaBroker KafkaBroker broker;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject RegionService regions;

    @Inject OutboxRelay relay;

    @Inject EntityManager entityManager;

    @Inject ObjectMapper json;

    @Test
    void committedChangeIsPublishedOnceAsACloudEvent() throws Exception {
        createOverHttp("430406", "珠晖区", "Zhuhui District");

        List<Message> events = awaitEvents(1, "430406");
        assertThat(events).hasSize(1);
        Message message = events.get(0);
        assertThat(message.key()).isEqualTo("430406");
        JsonNode event = json.readTree(message.value());
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo("org.innoreg.registry.region.created");
        assertThat(event.get("source").asText()).isEqualTo("urn:innoreg:registry");
        assertThat(event.get("subject").asText()).isEqualTo("430406");
        assertThat(event.get("sequence").asText()).isEqualTo("00000000000000000001");
        assertThat(event.get("id").asText()).isNotBlank();
        assertThat(event.get("time").asText()).isNotBlank();
        assertThat(event.get("datacontenttype").asText()).isEqualTo("application/json");
        assertThat(event.get("data").get("nameEn").asText()).isEqualTo("Zhuhui District");
        assertThat(event.get("data").get("parentCode").asText()).isEqualTo("430400");

        // Give a duplicate publication every chance to show up before concluding there is none.
        createOverHttp("430407", "雁峰区", "Yanfeng District");
        awaitEvents(1, "430407");
        assertThat(readSubject("430406", Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void rolledBackChangeIsNeverPublished() {
        QuarkusTransaction.begin();
        regions.create(
                new RegionInput(
                        "430408",
                        "石鼓区",
                        "Shigu District (rolled back)",
                        RegionLevel.DISTRICT,
                        "430400"));
        assertThat(outboxRows("430408")).as("written inside the transaction").isEqualTo(1);
        QuarkusTransaction.rollback();
        // A later committed change is published after anything written before it, so once it is on
        // the
        // topic, the relay has passed the point where the rolled-back event would have been.
        createOverHttp("430412", "南岳区", "Nanyue District");
        awaitEvents(1, "430412");

        assertThat(readSubject("430408", Duration.ofSeconds(2))).isEmpty();
        assertThat(outboxRows("430408")).isZero();
        given().get("/api/v1/regions/430408").then().statusCode(404);
    }

    @Test
    void changesCommittedWhileKafkaIsDownArriveOnceItIsBack() {
        broker.stop();
        try {
            createOverHttp("430421", "衡阳县", "Hengyang County");
            createOverHttp("430422", "衡南县", "Hengnan County");
            createOverHttp("430423", "衡山县", "Hengshan County");
            assertThat(pendingOutboxRows()).isGreaterThanOrEqualTo(3);
        } finally {
            broker.start();
        }
        for (String code : List.of("430421", "430422", "430423")) {
            assertThat(awaitEvents(1, code)).as("events of %s", code).hasSize(1);
        }
        // Nothing is published twice once the relay has caught up.
        createOverHttp("430424", "衡东县", "Hengdong County");
        awaitEvents(1, "430424");
        for (String code : List.of("430421", "430422", "430423")) {
            assertThat(readSubject(code, Duration.ofSeconds(1)))
                    .as("events of %s", code)
                    .hasSize(1);
        }
    }

    /** R1 of the fault drills: Kafka away for 30 s while writes go on. */
    @Test
    void thirtySecondsWithoutKafkaLoseNothingAndDuplicateNothing() {
        List<String> ids = new java.util.ArrayList<>();
        broker.stop();
        try {
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < until) {
                ids.add(
                        given().contentType(ContentType.JSON)
                                .body(
                                        org.innoreg.registry.support.Fixtures.platform(
                                                org.innoreg.registry.support.Fixtures.unique(
                                                        "断网演练平台"),
                                                "MAKER_SPACE",
                                                "MUNICIPAL",
                                                "430703",
                                                null))
                                .post("/api/v1/platforms")
                                .then()
                                .statusCode(201)
                                .extract()
                                .path("id"));
                sleep(250);
            }
        } finally {
            broker.start();
        }
        List<Message> events =
                TopicReader.readUntil(
                                bootstrapServers,
                                "registry.platform.v1",
                                Duration.ofSeconds(60),
                                read ->
                                        read.stream()
                                                        .map(Message::key)
                                                        .filter(ids::contains)
                                                        .distinct()
                                                        .count()
                                                >= ids.size())
                        .stream()
                        .filter(m -> ids.contains(m.key()))
                        .toList();
        assertThat(events.stream().map(Message::key).distinct())
                .as("every write made while Kafka was away arrives")
                .hasSize(ids.size());
        // Delivery is at least once: a batch the relay resends after the outage may reach the topic
        // twice, but
        // always under the change's one event id, which is what consumers de-duplicate by.
        Map<String, Set<String>> eventIds = new java.util.HashMap<>();
        events.forEach(
                m ->
                        eventIds.computeIfAbsent(m.key(), k -> new java.util.HashSet<>())
                                .add(eventId(m)));
        assertThat(eventIds.values())
                .as("one event id per change")
                .allMatch(idsOfOne -> idsOfOne.size() == 1);
        System.out.printf(
                "R1: %d platforms written during a 30 s Kafka outage, %d deliveries after it came back "
                        + "(%d repeated)%n",
                ids.size(), events.size(), events.size() - ids.size());
    }

    private static String eventId(Message message) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(message.value())
                    .path("id")
                    .asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void onlyOneRelayPerDatabaseIsActive() {
        await().atMost(WAIT).until(relay::isLeader);
        // A second replica's relay asks for the same lock on its own session, and must not get it.
        boolean secondReplicaGotTheLock =
                QuarkusTransaction.requiringNew()
                        .call(
                                () -> {
                                    boolean acquired =
                                            (Boolean)
                                                    entityManager
                                                            .createNativeQuery(
                                                                    "SELECT pg_try_advisory_lock(hashtext('innoreg.outbox-relay'))")
                                                            .getSingleResult();
                                    if (acquired) { // do not leave a pooled session holding the
                                        // relay's lock
                                        entityManager
                                                .createNativeQuery(
                                                        "SELECT pg_advisory_unlock(hashtext('innoreg.outbox-relay'))")
                                                .getSingleResult();
                                    }
                                    return acquired;
                                });
        assertThat(secondReplicaGotTheLock).isFalse();
    }

    private void createOverHttp(String code, String nameZh, String nameEn) {
        given().contentType(ContentType.JSON)
                .body(new RegionInput(code, nameZh, nameEn, RegionLevel.DISTRICT, "430400"))
                .post("/api/v1/regions")
                .then()
                .statusCode(201);
    }

    private List<Message> awaitEvents(int count, String subject) {
        return TopicReader.readUntil(
                        bootstrapServers,
                        TOPIC,
                        WAIT,
                        read -> read.stream().filter(m -> subject.equals(m.key())).count() >= count)
                .stream()
                .filter(m -> subject.equals(m.key()))
                .toList();
    }

    private List<Message> readSubject(String subject, Duration wait) {
        return TopicReader.readUntil(bootstrapServers, TOPIC, wait, read -> false).stream()
                .filter(m -> subject.equals(m.key()))
                .toList();
    }

    private long outboxRows(String aggregateId) {
        return QuarkusTransaction.joiningExisting()
                .call(
                        () ->
                                ((Number)
                                                entityManager
                                                        .createNativeQuery(
                                                                "SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1")
                                                        .setParameter(1, aggregateId)
                                                        .getSingleResult())
                                        .longValue());
    }

    private long pendingOutboxRows() {
        return QuarkusTransaction.requiringNew()
                .call(
                        () ->
                                ((Number)
                                                entityManager
                                                        .createNativeQuery(
                                                                "SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
                                                        .getSingleResult())
                                        .longValue());
    }
}
