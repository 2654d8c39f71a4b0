package org.innoreg.gateway.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.gateway.openapi.ServiceDocumentsResource;
import org.innoreg.testsupport.EventWriter;
import org.junit.jupiter.api.Test;

/**
 * Events published to the suite's topics (as the services' relays would) show up in the feed once.
 */
@QuarkusTest
// the services' real documents: their event contracts say what the feed withholds from anonymous
// readers
@QuarkusTestResource(value = ServiceDocumentsResource.class, restrictToAnnotatedClass = true)
class EventFeedTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void eachEventAppearsOnceEvenWhenDeliveredTwice() throws Exception {
        String subject = UUID.randomUUID().toString();
        String created =
                event(
                        UUID.randomUUID().toString(),
                        "org.innoreg.registry.platform.created",
                        subject,
                        1,
                        "430703");
        String updated =
                event(
                        UUID.randomUUID().toString(),
                        "org.innoreg.registry.platform.updated",
                        subject,
                        2,
                        "430703");
        publish("registry.platform.v1", subject, created);
        publish("registry.platform.v1", subject, created); // a relay's retry after a crash
        publish("registry.platform.v1", subject, updated);

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().queryParam("subject", subject)
                                        .get("/api/v1/events")
                                        .then()
                                        .statusCode(200)
                                        .body("items", hasSize(2))
                                        .body(
                                                "items.type",
                                                contains(
                                                        "org.innoreg.registry.platform.created",
                                                        "org.innoreg.registry.platform.updated"))
                                        .body("items[0].data.regionCode", equalTo("430703"))
                                        .body(
                                                "items[1].sequence",
                                                equalTo("00000000000000000002")));
        // Still two, well after the duplicate was consumed.
        Thread.sleep(1000);
        given().queryParam("subject", subject)
                .get("/api/v1/events")
                .then()
                .body("items", hasSize(2));
    }

    @Test
    void cursorPagesThroughTheFeedWithoutGapsOrRepeats() {
        String subject = UUID.randomUUID().toString();
        for (int version = 1; version <= 5; version++) {
            publish(
                    "projects.project.v1",
                    subject,
                    event(
                            UUID.randomUUID().toString(),
                            "org.innoreg.projects.project.updated",
                            subject,
                            version,
                            "430400"));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().queryParam("subject", subject)
                                        .get("/api/v1/events")
                                        .then()
                                        .body("items", hasSize(5)));

        String next =
                given().queryParam("subject", subject)
                        .queryParam("limit", 2)
                        .get("/api/v1/events")
                        .then()
                        .body(
                                "items.sequence",
                                contains("00000000000000000001", "00000000000000000002"))
                        .extract()
                        .path("next");
        next =
                given().get(next)
                        .then()
                        .body(
                                "items.sequence",
                                contains("00000000000000000003", "00000000000000000004"))
                        .extract()
                        .path("next");
        next =
                given().get(next)
                        .then()
                        .body("items.sequence", contains("00000000000000000005"))
                        .extract()
                        .path("next");
        given().get(next).then().statusCode(200).body("items", empty());
    }

    @Test
    void filtersByTypeAndRegionSubtree() {
        String subject = UUID.randomUUID().toString();
        publish(
                "registry.platform.v1",
                subject,
                event(
                        UUID.randomUUID().toString(),
                        "org.innoreg.registry.platform.created",
                        subject,
                        1,
                        "220190"));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().queryParam("region", "220100")
                                        .queryParam("type", "org.innoreg.registry.platform.created")
                                        .queryParam("limit", 1000)
                                        .get("/api/v1/events")
                                        .then()
                                        .body(
                                                "items.subject",
                                                org.hamcrest.Matchers.hasItem(subject)));
        given().queryParam("region", "430000")
                .queryParam("subject", subject)
                .get("/api/v1/events")
                .then()
                .body("items", empty());
    }

    /**
     * A record moved to another region: a follower of the region it left gets the move (and so sees
     * it go), not what happens to it afterwards; a follower of the new region gets it from the move
     * on.
     */
    @Test
    void theRegionFilterKeepsTheEventThatMovedARecordOut() {
        String subject = UUID.randomUUID().toString();
        String[] regions = {"430702", "430703", "430703"};
        String[] types = {"created", "updated", "updated"};
        for (int n = 0; n < 3; n++) {
            publish(
                    "registry.platform.v1",
                    subject,
                    event(
                            UUID.randomUUID().toString(),
                            "org.innoreg.registry.platform." + types[n],
                            subject,
                            n + 1,
                            regions[n]));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().queryParam("subject", subject)
                                        .get("/api/v1/events")
                                        .then()
                                        .body("items.size()", equalTo(3)));
        given().queryParam("subject", subject)
                .queryParam("region", "430702")
                .get("/api/v1/events")
                .then()
                .body("items.sequence", contains("%020d".formatted(1), "%020d".formatted(2)));
        given().queryParam("subject", subject)
                .queryParam("region", "430703")
                .get("/api/v1/events")
                .then()
                .body("items.sequence", contains("%020d".formatted(2), "%020d".formatted(3)));
        given().queryParam("subject", subject)
                .queryParam("region", "430700")
                .get("/api/v1/events")
                .then()
                .body("items.size()", equalTo(3));
    }

    @Test
    void sinceKeepsTheEventsAtOrAfterAnInstantWithTheCursorAndFilters() {
        String subject = UUID.randomUUID().toString();
        String[] times = {
            "2026-11-30T23:59:59.999Z",
            "2026-12-01T00:00:00Z",
            "2026-12-01T09:30:00+08:00",
            "2026-12-02T00:00:00Z"
        };
        for (int version = 1; version <= times.length; version++) {
            publish(
                    "registry.platform.v1",
                    subject,
                    event(
                            UUID.randomUUID().toString(),
                            version == 3
                                    ? "org.innoreg.registry.platform.deleted"
                                    : "org.innoreg.registry.platform.updated",
                            subject,
                            version,
                            "430703",
                            times[version - 1]));
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().queryParam("subject", subject)
                                        .get("/api/v1/events")
                                        .then()
                                        .body("items", hasSize(4)));

        // 08:00 in Beijing is midnight UTC: the event a millisecond before is out, the one exactly
        // then is in.
        given().queryParam("subject", subject)
                .queryParam("since", "2026-12-01T08:00:00+08:00")
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .body(
                        "items.sequence",
                        contains(
                                "00000000000000000002",
                                "00000000000000000003",
                                "00000000000000000004"));
        given().queryParam("subject", subject)
                .queryParam("since", "2026-12-01T00:00:00.001Z")
                .get("/api/v1/events")
                .then()
                .body("items.sequence", contains("00000000000000000003", "00000000000000000004"));
        given().queryParam("subject", subject)
                .queryParam("since", "2026-12-02T00:00:00.000001Z")
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .body("items", empty());
        // A '+' sent unencoded arrives as a space: still read as the offset.
        given().urlEncodingEnabled(false)
                .get("/api/v1/events?subject=" + subject + "&since=2026-12-01T08:00:00+08:00")
                .then()
                .statusCode(200)
                .body("items", hasSize(3));
        // With the other filters.
        given().queryParam("subject", subject)
                .queryParam("since", "2026-12-01T00:00:00Z")
                .queryParam("type", "org.innoreg.registry.platform.updated")
                .get("/api/v1/events")
                .then()
                .body("items.sequence", contains("00000000000000000002", "00000000000000000004"));
        given().queryParam("subject", subject)
                .queryParam("since", "2026-12-01T00:00:00Z")
                .queryParam("region", "430400")
                .get("/api/v1/events")
                .then()
                .body("items", empty());

        // With the cursor: the next links keep since, and page through the three without the first.
        String next =
                given().queryParam("subject", subject)
                        .queryParam("since", "2026-12-01T08:00:00+08:00")
                        .queryParam("limit", 2)
                        .get("/api/v1/events")
                        .then()
                        .body(
                                "items.sequence",
                                contains("00000000000000000002", "00000000000000000003"))
                        .extract()
                        .path("next");
        assertThat(next).contains("since=");
        next =
                given().urlEncodingEnabled(false)
                        .get(next)
                        .then()
                        .statusCode(200)
                        .body("items.sequence", contains("00000000000000000004"))
                        .extract()
                        .path("next");
        given().urlEncodingEnabled(false).get(next).then().statusCode(200).body("items", empty());
        // A cursor taken without since (after the first event), then since: each leaves out what it
        // should.
        String afterFirst =
                given().queryParam("subject", subject)
                        .queryParam("limit", 1)
                        .get("/api/v1/events")
                        .then()
                        .extract()
                        .path("next");
        long position = Long.parseLong(afterFirst.replaceAll(".*[?&]after=([0-9]+).*", "$1"));
        given().queryParam("subject", subject)
                .queryParam("after", position)
                .queryParam("since", "2026-11-01T00:00:00Z")
                .get("/api/v1/events")
                .then()
                .body(
                        "items.sequence",
                        contains(
                                "00000000000000000002",
                                "00000000000000000003",
                                "00000000000000000004"));
        given().queryParam("subject", subject)
                .queryParam("after", position)
                .queryParam("since", "2026-12-01T00:00:00.001Z")
                .get("/api/v1/events")
                .then()
                .body("items.sequence", contains("00000000000000000003", "00000000000000000004"));
    }

    @Test
    void sinceThatIsNotAnInstantIsAProblemNamingIt() {
        for (String bad :
                List.of(
                        "yesterday",
                        "2026-12-01",
                        "2026-12-01T08:00:00",
                        "2026-13-01T00:00:00Z",
                        "2026-12-01T25:00:00Z",
                        "1764547200",
                        "2026-12-01T08:00:00+25:00",
                        "2026-12-01T08:00:00 Z")) {
            given().queryParam("since", bad)
                    .get("/api/v1/events")
                    .then()
                    .log()
                    .ifValidationFails()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400))
                    .body("errors[0].field", equalTo("since"))
                    .body("detail", org.hamcrest.Matchers.containsString("since"));
        }
        given().queryParam("since", "not-a-time")
                .queryParam("after", 0)
                .get("/api/v1/events/stream")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("since"));
    }

    @Test
    void streamWithSinceSkipsEarlierEvents() throws Exception {
        String subject = UUID.randomUUID().toString();
        String[] times = {
            "2026-11-01T00:00:00Z",
            "2026-12-01T00:00:00Z",
            "2026-11-02T00:00:00Z",
            "2026-12-03T00:00:00Z"
        };
        for (int version = 1; version <= times.length; version++) {
            publish(
                    "registry.platform.v1",
                    subject,
                    event(
                            UUID.randomUUID().toString(),
                            "org.innoreg.registry.platform.updated",
                            subject,
                            version,
                            "430703",
                            times[version - 1]));
        }
        List<String[]> events =
                readStream("after=0&since=2026-12-01T00:00:00Z&subject=" + subject, null, 2);
        assertThat(events).extracting(e -> sequenceOf(e[1])).containsExactly(2L, 4L);
    }

    @Test
    void badCursorsAndFiltersAreProblems() {
        given().queryParam("after", "yesterday")
                .get("/api/v1/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"));
        given().queryParam("after", -1)
                .get("/api/v1/events")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("after"));
        given().queryParam("region", "43")
                .get("/api/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("region"));
        // a well-formed code that names no region: refused as in every service, not an empty feed
        for (String path : new String[] {"/api/v1/events", "/api/v1/events/stream"}) {
            given().queryParam("region", "430798")
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("region"))
                    .body("errors[0].message", equalTo("region 430798 does not exist"));
        }
        given().queryParam("q", "孵化器")
                .queryParam("region", "430798")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("region"));
        given().queryParam("limit", 0)
                .get("/api/v1/events")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void streamResumesAfterTheLastEventIdWithoutGapsOrRepeats() throws Exception {
        String subject = UUID.randomUUID().toString();
        for (int version = 1; version <= 3; version++) {
            publish(
                    "registry.platform.v1",
                    subject,
                    event(
                            UUID.randomUUID().toString(),
                            "org.innoreg.registry.platform.updated",
                            subject,
                            version,
                            "430703"));
        }
        List<String[]> first = readStream("after=0&subject=" + subject, null, 3);
        assertThat(first).extracting(e -> e[1]).allMatch(data -> data.contains(subject));
        assertThat(first).extracting(e -> sequenceOf(e[1])).containsExactly(1L, 2L, 3L);

        for (int version = 4; version <= 5; version++) {
            publish(
                    "registry.platform.v1",
                    subject,
                    event(
                            UUID.randomUUID().toString(),
                            "org.innoreg.registry.platform.updated",
                            subject,
                            version,
                            "430703"));
        }
        List<String[]> resumed = readStream("subject=" + subject, first.get(2)[0], 2);
        assertThat(resumed).extracting(e -> sequenceOf(e[1])).containsExactly(4L, 5L);
        assertThat(Long.parseLong(resumed.get(0)[0]))
                .isGreaterThan(Long.parseLong(first.get(2)[0]));
    }

    /** Reads {@code count} SSE events (id, data) from the stream, then disconnects. */
    private List<String[]> readStream(String query, String lastEventId, int count)
            throws Exception {
        java.net.http.HttpRequest.Builder request =
                java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create(
                                        "http://localhost:"
                                                + io.restassured.RestAssured.port
                                                + "/api/v1/events/stream?"
                                                + query))
                        .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        java.net.http.HttpResponse<java.io.InputStream> response =
                java.net.http.HttpClient.newHttpClient()
                        .send(
                                request.build(),
                                java.net.http.HttpResponse.BodyHandlers.ofInputStream());
        List<String[]> events = new java.util.ArrayList<>();
        try (java.io.BufferedReader lines =
                new java.io.BufferedReader(
                        new java.io.InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            StringBuilder data = new StringBuilder();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (events.size() < count && System.nanoTime() < deadline) {
                String line = lines.readLine();
                if (line == null) {
                    break;
                }
                if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                } else if (line.isEmpty() && id != null) {
                    events.add(new String[] {id, data.toString()});
                    id = null;
                    data.setLength(0);
                }
            }
        }
        return events;
    }

    private static long sequenceOf(String cloudEvent) {
        return Long.parseLong(cloudEvent.replaceAll(".*\"sequence\":\"([0-9]+)\".*", "$1"));
    }

    private void publish(String topic, String key, String event) {
        EventWriter.on(bootstrapServers).write(topic, key, event);
    }

    @Test
    void anonymousPartnersDoNotSeeWhatABureauDoesNotPublish() {
        // responsibleOfficial is @Unpublished in the projects service's view, so its contract
        // lists it
        String subject =
                publishProjectEvent(
                        "org.innoreg.projects.project.updated",
                        """
                        {"regionCode":"430703","name":"Jiaduobao plant","responsibleOfficial":"Executive deputy mayor"}""");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().queryParam("subject", subject)
                                        .get("/api/v1/events")
                                        .then()
                                        .body("items", hasSize(1))
                                        .body("items[0].data.name", equalTo("Jiaduobao plant"))
                                        .body(
                                                "items[0].data",
                                                org.hamcrest.Matchers.not(
                                                        org.hamcrest.Matchers.hasKey(
                                                                "responsibleOfficial"))));
        assertThat(readersData(subject, "responsibleOfficial")).isEqualTo("Executive deputy mayor");
    }

    @Test
    void anEventWhoseContractIsUnknownComesWithoutDataToAnonymousReaders() {
        // no service's document declares this type: what it may publish is not known, so nothing
        // of its data is shown to a caller without a token
        String subject =
                publishProjectEvent(
                        "org.innoreg.projects.project.audited",
                        """
                        {"auditor":"Municipal audit bureau"}""");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () ->
                                given().queryParam("subject", subject)
                                        .get("/api/v1/events")
                                        .then()
                                        .body("items", hasSize(1))
                                        .body(
                                                "items[0]",
                                                org.hamcrest.Matchers.not(
                                                        org.hamcrest.Matchers.hasKey("data")))
                                        .body(
                                                "items[0]",
                                                org.hamcrest.Matchers.not(
                                                        org.hamcrest.Matchers.hasKey(
                                                                "datacontenttype"))));
        assertThat(readersData(subject, "auditor")).isEqualTo("Municipal audit bureau");
    }

    /** Publishes a project event of this type and data as the projects relay would: its subject. */
    private String publishProjectEvent(String type, String data) {
        String subject = UUID.randomUUID().toString();
        publish(
                "projects.project.v1",
                subject,
                """
                {"specversion":"1.0","id":"%s","source":"urn:innoreg:projects","type":"%s","subject":"%s",
                 "time":"2026-11-22T08:00:00Z","datacontenttype":"application/json","sequence":"00000000000000000001",
                 "data":%s}
                """
                        .formatted(UUID.randomUUID(), type, subject, data));
        return subject;
    }

    /** A field of the subject's event's data as an authenticated reader sees it. */
    private static String readersData(String subject, String field) {
        return given().header("Authorization", "Bearer " + reader())
                .queryParam("subject", subject)
                .get("/api/v1/events")
                .then()
                .statusCode(200)
                .extract()
                .path("items[0].data." + field);
    }

    private static String reader() {
        return org.innoreg.testsupport.TestTokens.token("partner", List.of("reader"), List.of());
    }

    private static String event(
            String id, String type, String subject, long version, String region) {
        return event(id, type, subject, version, region, "2026-11-22T08:00:00Z");
    }

    private static String event(
            String id, String type, String subject, long version, String region, String time) {
        return """
                {"specversion":"1.0","id":"%s","source":"urn:innoreg:registry","type":"%s","subject":"%s",
                 "time":"%s","datacontenttype":"application/json","sequence":"%020d",
                 "data":{"id":"%s","regionCode":"%s","nameEn":"Changde National Sci-Tech Business Incubator"}}
                """
                .formatted(id, type, subject, time, version, subject, region);
    }
}
