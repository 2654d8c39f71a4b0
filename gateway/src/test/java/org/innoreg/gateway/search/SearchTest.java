package org.innoreg.gateway.search;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.testsupport.EventWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The search read model, fed by events published as the services' relays publish them. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class SearchTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static boolean warm;

    @BeforeEach
    void awaitTopics() {
        if (!warm) {
            // In a running suite the topics exist; here the first event creates each, and the
            // gateway's pattern subscription picks a new topic up at its next metadata refresh.
            // Wait for that once.
            String tag = "预热" + System.nanoTime();
            for (String topic :
                    new String[] {
                        "registry.platform.v1", "registry.organization.v1", "projects.project.v1"
                    }) {
                String id = UUID.randomUUID().toString();
                publish(
                        topic,
                        id,
                        topic.contains("project") ? "project.created" : "x.created",
                        1,
                        "{\"nameZh\":\"" + tag + "\",\"name\":\"" + tag + "\"}");
            }
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () ->
                                    given().queryParam("q", tag)
                                            .get("/api/v1/search")
                                            .then()
                                            .body("items.size()", equalTo(3)));
            warm = true;
        }
    }

    @Test
    void findsPlatformsOrganisationsAndProjectsByAnyNameWithinASecond() {
        String tag = "检索" + System.nanoTime();
        String platform = UUID.randomUUID().toString();
        String organization = UUID.randomUUID().toString();
        String project = UUID.randomUUID().toString();
        publish(
                "registry.platform.v1",
                platform,
                "platform.created",
                1,
                "{\"id\":\""
                        + platform
                        + "\",\"nameZh\":\""
                        + tag
                        + "孵化器\",\"nameEn\":\"Changde Incubator\",\"regionCode\":\"430790\",\"aliases\":[\"经开区孵化器\"]}");
        publish(
                "registry.organization.v1",
                organization,
                "organization.created",
                1,
                "{\"id\":\""
                        + organization
                        + "\",\"nameZh\":\""
                        + tag
                        + "金健米业\",\"regionCode\":\"430702\"}");
        publish(
                "projects.project.v1",
                project,
                "project.created",
                1,
                "{\"id\":\""
                        + project
                        + "\",\"name\":\""
                        + tag
                        + " Fosun biomedicine base\",\"investorName\":\"Shanghai Fosun\",\"regionCode\":\"430790\"}");

        await().atMost(Duration.ofSeconds(2))
                .untilAsserted(
                        () ->
                                given().queryParam("q", tag)
                                        .get("/api/v1/search")
                                        .then()
                                        .statusCode(200)
                                        .body(
                                                "items.kind",
                                                org.hamcrest.Matchers.containsInAnyOrder(
                                                        "platform", "organization", "project")));
        given().queryParam("q", tag)
                .queryParam("kind", "platform,project")
                .queryParam("region", "430700")
                .get("/api/v1/search")
                .then()
                .body(
                        "items.link",
                        org.hamcrest.Matchers.containsInAnyOrder(
                                "/api/v1/platforms/" + platform, "/api/v1/projects/" + project));
        // the best hit only, and how many match in all
        given().queryParam("q", tag)
                .queryParam("limit", 1)
                .get("/api/v1/search")
                .then()
                .body("items.size()", equalTo(1))
                .body("total", equalTo(3));
        given().queryParam("q", "CHANGDE INCUBATOR")
                .queryParam("limit", 100)
                .get("/api/v1/search")
                .then()
                .body("items.id", hasItem(platform));
    }

    @Test
    void olderEventsAndDuplicatesChangeNothingAndDeletesRemove() {
        String tag = "顺序" + System.nanoTime();
        String id = UUID.randomUUID().toString();
        publish(
                "registry.platform.v1",
                id,
                "platform.updated",
                3,
                "{\"nameZh\":\"" + tag + "新名\",\"regionCode\":\"430400\"}");
        publish(
                "registry.platform.v1",
                id,
                "platform.created",
                1,
                "{\"nameZh\":\"" + tag + "旧名\",\"regionCode\":\"430400\"}");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () ->
                                given().queryParam("q", tag)
                                        .get("/api/v1/search")
                                        .then()
                                        .body("items.nameZh", contains(tag + "新名")));

        publish(
                "registry.platform.v1",
                id,
                "platform.deleted",
                4,
                "{\"nameZh\":\"" + tag + "新名\",\"regionCode\":\"430400\"}");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () ->
                                given().queryParam("q", tag)
                                        .get("/api/v1/search")
                                        .then()
                                        .body("items", empty()));
    }

    @Test
    void theModelRebuildsFromTheFeed() {
        String tag = "重建" + System.nanoTime();
        String id = UUID.randomUUID().toString();
        publish(
                "registry.organization.v1",
                id,
                "organization.created",
                1,
                "{\"nameZh\":\"" + tag + "\",\"regionCode\":\"430400\"}");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(
                        () ->
                                given().queryParam("q", tag)
                                        .get("/api/v1/search")
                                        .then()
                                        .body("items.id", contains(id)));
        given().post("/api/v1/search/rebuild")
                .then()
                .statusCode(200)
                .body("replayedEvents", org.hamcrest.Matchers.greaterThan(0));
        given().queryParam("q", tag).get("/api/v1/search").then().body("items.id", contains(id));
    }

    @Test
    void badQueriesAreProblems() {
        given().get("/api/v1/search").then().statusCode(400).body("errors[0].field", equalTo("q"));
        given().queryParam("q", "x")
                .queryParam("kind", "galaxy")
                .get("/api/v1/search")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
    }

    private void publish(String topic, String key, String action, long sequence, String data) {
        String event =
                """
                {"specversion":"1.0","id":"%s","source":"urn:innoreg:test","type":"org.innoreg.%s","subject":"%s",
                 "time":"2026-11-22T08:00:00Z","datacontenttype":"application/json","sequence":"%020d","data":%s}
                """
                        .formatted(
                                UUID.randomUUID(),
                                topic.substring(0, topic.indexOf('.')) + "." + action,
                                key,
                                sequence,
                                data);
        EventWriter.on(bootstrapServers).write(topic, key, event);
    }
}
