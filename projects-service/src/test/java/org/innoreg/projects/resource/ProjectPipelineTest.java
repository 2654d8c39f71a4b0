package org.innoreg.projects.resource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The stage machine: every legal move, illegal ones refused with the allowed list, no going back in
 * time.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ProjectPipelineTest {

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String newLead(String since) {
        return given().contentType(ContentType.JSON)
                .body(
                        """
                {"name":"Pipeline %s","investorName":"Zhengda Group","origin":"FOREIGN","kind":"INDUSTRIAL_INVESTMENT",
                 "regionCode":"430722","plannedInvestment":500000000,"stageSince":"%s"}
                """
                                .formatted(UUID.randomUUID(), since))
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static io.restassured.response.ValidatableResponse move(
            String id, String to, String on) {
        return given().contentType(ContentType.JSON)
                .body("{\"to\":\"" + to + "\",\"on\":\"" + on + "\"}")
                .post("/api/v1/projects/" + id + "/transitions")
                .then();
    }

    @Test
    void theMainLineFromLeadToProductionWithDatesAndHistory() {
        String id = newLead("2018-01-05");
        move(id, "NEGOTIATING", "2018-02-01").statusCode(200).body("stage", equalTo("NEGOTIATING"));
        move(id, "SIGNED", "2018-03-15").statusCode(200).body("signedOn", equalTo("2018-03-15"));
        move(id, "LANDED", "2018-06-01").statusCode(200).body("landedOn", equalTo("2018-06-01"));
        move(id, "UNDER_CONSTRUCTION", "2018-07-01").statusCode(200);
        move(id, "IN_PRODUCTION", "2019-09-30")
                .statusCode(200)
                .header("ETag", equalTo("\"6\""))
                .body("stageSince", equalTo("2019-09-30"));
        given().get("/api/v1/projects/" + id + "/history")
                .then()
                .statusCode(200)
                .body(
                        "items.to",
                        contains(
                                "LEAD",
                                "NEGOTIATING",
                                "SIGNED",
                                "LANDED",
                                "UNDER_CONSTRUCTION",
                                "IN_PRODUCTION"))
                .body("items[0].from", equalTo(null))
                .body("items[5].on", equalTo("2019-09-30"));
        // In production is the end: no stall, no cancel.
        move(id, "CANCELLED", "2020-01-01").statusCode(409).contentType("application/problem+json");
        move(id, "STALLED", "2020-01-01")
                .statusCode(409)
                .body("allowed", org.hamcrest.Matchers.empty());
    }

    @Test
    void eachTransitionIsOneEventInOrder() {
        String id = newLead("2018-01-05");
        move(id, "NEGOTIATING", "2018-02-01").statusCode(200);
        move(id, "SIGNED", "2018-03-15").statusCode(200);
        java.util.List<String> events =
                org.innoreg.testsupport.TopicReader.readUntil(
                                bootstrapServers,
                                "projects.project.v1",
                                java.time.Duration.ofSeconds(30),
                                read -> read.stream().filter(m -> id.equals(m.key())).count() >= 3)
                        .stream()
                        .filter(m -> id.equals(m.key()))
                        .map(org.innoreg.testsupport.TopicReader.Message::value)
                        .toList();
        org.assertj.core.api.Assertions.assertThat(events).hasSize(3);
        org.assertj.core.api.Assertions.assertThat(events.get(0))
                .contains("project.created", "\"sequence\":\"00000000000000000001\"");
        org.assertj.core.api.Assertions.assertThat(events.get(1))
                .contains(
                        "project.stage-changed",
                        "\"stage\":\"NEGOTIATING\"",
                        "\"sequence\":\"00000000000000000002\"");
        org.assertj.core.api.Assertions.assertThat(events.get(2))
                .contains(
                        "project.stage-changed",
                        "\"stage\":\"SIGNED\"",
                        "\"sequence\":\"00000000000000000003\"");
    }

    @Test
    void updatesNeedIfMatchAndRetriedCreatesDoNotDuplicate() {
        String name = "Idempotent " + UUID.randomUUID();
        String body =
                """
                {"name":"%s","investorName":"Schneider Electric","origin":"FOREIGN","kind":"INDUSTRIAL_INVESTMENT",
                 "regionCode":"430790","plannedInvestment":650000000}
                """
                        .formatted(name);
        String first =
                given().contentType(ContentType.JSON)
                        .header("Idempotency-Key", name)
                        .body(body)
                        .post("/api/v1/projects")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        String again =
                given().contentType(ContentType.JSON)
                        .header("Idempotency-Key", name)
                        .body(body)
                        .post("/api/v1/projects")
                        .then()
                        .statusCode(201)
                        .header("Idempotent-Replayed", "true")
                        .extract()
                        .path("id");
        org.assertj.core.api.Assertions.assertThat(again).isEqualTo(first);
        String renamed = body.replace("650000000", "700000000");
        given().contentType(ContentType.JSON)
                .body(renamed)
                .put("/api/v1/projects/" + first)
                .then()
                .statusCode(428);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body(renamed)
                .put("/api/v1/projects/" + first)
                .then()
                .statusCode(412);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(renamed)
                .put("/api/v1/projects/" + first)
                .then()
                .statusCode(200)
                .body("plannedInvestment", equalTo(7.0E8f))
                .header("ETag", equalTo("\"2\""));
    }

    @Test
    void aStalledProjectResumesOnlyWhereItLeftOrIsCancelled() {
        String id = newLead("2018-01-05");
        move(id, "NEGOTIATING", "2018-02-01").statusCode(200);
        move(id, "STALLED", "2018-04-01")
                .statusCode(200)
                .body("stageBeforeStall", equalTo("NEGOTIATING"));
        move(id, "SIGNED", "2018-05-01")
                .statusCode(409)
                .body("allowed", contains("NEGOTIATING", "CANCELLED"));
        move(id, "NEGOTIATING", "2018-06-01")
                .statusCode(200)
                .body("stageBeforeStall", equalTo(null));
        move(id, "CANCELLED", "2018-07-01").statusCode(200);
        move(id, "NEGOTIATING", "2018-08-01")
                .statusCode(409)
                .body("allowed", org.hamcrest.Matchers.empty());
    }

    @Test
    void everyActiveStageCanStallOrBeCancelledButNotSkipAhead() {
        String[] line = {"LEAD", "NEGOTIATING", "SIGNED", "LANDED", "UNDER_CONSTRUCTION"};
        for (int i = 0; i < line.length; i++) {
            String id = newLead("2018-01-01");
            for (int j = 1; j <= i; j++) {
                move(id, line[j], "2018-02-0" + j).statusCode(200);
            }
            String next = i + 1 < line.length ? line[i + 1] : "IN_PRODUCTION";
            move(id, "IN_PRODUCTION".equals(next) ? "LEAD" : "IN_PRODUCTION", "2018-03-01")
                    .statusCode(409)
                    .body("allowed", containsInAnyOrder(next, "STALLED", "CANCELLED"));
            move(id, "STALLED", "2018-03-01").statusCode(200);
            move(id, "CANCELLED", "2018-03-02").statusCode(200);
        }
    }

    @Test
    void datesCannotGoBackwardsOrIntoTheFuture() {
        String id = newLead("2018-05-01");
        move(id, "NEGOTIATING", "2018-04-30")
                .statusCode(422)
                .body("errors[0].field", equalTo("on"));
        move(id, "NEGOTIATING", "2999-01-01")
                .statusCode(400)
                .body("errors[0].field", equalTo("on"));
        move(id, "FLYING", "2018-06-01").statusCode(400).body("errors[0].field", equalTo("to"));
        given().contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/projects/" + id + "/transitions")
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("on", "to"));
        move(UUID.randomUUID().toString(), "NEGOTIATING", "2018-06-01").statusCode(404);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"9\"")
                .body("{\"to\":\"NEGOTIATING\",\"on\":\"2018-06-01\"}")
                .post("/api/v1/projects/" + id + "/transitions")
                .then()
                .statusCode(412);
    }

    @Test
    void entryStageAndDatesMustAgree() {
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"name":"Bad entry %s","investorName":"x","origin":"DOMESTIC","kind":"INDUSTRIAL_INVESTMENT",
                 "regionCode":"430722","plannedInvestment":1,"stage":"LEAD","landedOn":"2018-01-01"}
                """
                                .formatted(UUID.randomUUID()))
                .post("/api/v1/projects")
                .then()
                .statusCode(422)
                .body("errors.field", contains("landedOn"));
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"name":"Bad entry %s","investorName":"x","origin":"DOMESTIC","kind":"INDUSTRIAL_INVESTMENT",
                 "regionCode":"430722","plannedInvestment":1,"stage":"CANCELLED"}
                """
                                .formatted(UUID.randomUUID()))
                .post("/api/v1/projects")
                .then()
                .statusCode(422)
                .body("errors.field", contains("stage"));
    }
}
