package org.innoreg.projects.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.chassis.validation.BureauCalendar;
import org.innoreg.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ProjectResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String project(String name, String region, String investment, String uscc) {
        return """
                {"name":"%s","investorName":"Shanghai Fosun Pharmaceutical (Group) Co., Ltd.","investorUscc":%s,
                 "origin":"DOMESTIC","kind":"INDUSTRIAL_INVESTMENT","industryChain":"biomedicine",
                 "regionCode":"%s","plannedInvestment":%s,"expectedAnnualOutput":1500000000}
                """
                .formatted(name, uscc == null ? "null" : "\"" + uscc + "\"", region, investment);
    }

    @Test
    void newProjectIsALeadWithItsTierAndOneEvent() {
        String id =
                given().contentType(ContentType.JSON)
                        .body(
                                project(
                                        "Fosun biomedicine park",
                                        "430703",
                                        "1200000000.00",
                                        "91350100M000100Y43"))
                        .post("/api/v1/projects")
                        .then()
                        .statusCode(201)
                        .body("stage", equalTo("LEAD"))
                        .body("tier", equalTo("FROM_1B"))
                        .body("plannedInvestment", equalTo(1.2E9f))
                        .header("ETag", equalTo("\"1\""))
                        .extract()
                        .path("id");

        given().get("/api/v1/projects/" + id)
                .then()
                .statusCode(200)
                .body("name", equalTo("Fosun biomedicine park"));

        List<TopicReader.Message> events =
                TopicReader.readUntil(
                                bootstrapServers,
                                "projects.project.v1",
                                Duration.ofSeconds(30),
                                read -> read.stream().anyMatch(m -> id.equals(m.key())))
                        .stream()
                        .filter(m -> id.equals(m.key()))
                        .toList();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).value())
                .contains(
                        "\"type\":\"org.innoreg.projects.project.created\"",
                        "\"tier\":\"FROM_1B\"");
    }

    @Test
    void aDeleteIsTheNextVersionWithTheLastStateAndItsTransitions() throws Exception {
        String id =
                given().contentType(ContentType.JSON)
                        .body(
                                project(
                                        "Mistyped project " + System.nanoTime(),
                                        "430703",
                                        "300000000",
                                        null))
                        .post("/api/v1/projects")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body("{\"to\":\"NEGOTIATING\",\"on\":\"" + BureauCalendar.today() + "\"}")
                .post("/api/v1/projects/" + id + "/transitions")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""));
        given().delete("/api/v1/projects/" + id).then().statusCode(428);
        given().header("If-Match", "\"1\"").delete("/api/v1/projects/" + id).then().statusCode(412);
        given().header("If-Match", "\"2\"").delete("/api/v1/projects/" + id).then().statusCode(204);
        given().get("/api/v1/projects/" + id).then().statusCode(404);
        given().header("If-Match", "\"2\"").delete("/api/v1/projects/" + id).then().statusCode(404);
        given().get("/api/v1/projects/" + id + "/changes")
                .then()
                .statusCode(200)
                .body("items.action", contains("created", "stage-changed", "deleted"))
                .body("items.version", contains(1, 2, 3))
                .body("items[1].fields.field", hasItem("stage"));

        List<TopicReader.Message> events =
                TopicReader.readUntil(
                                bootstrapServers,
                                "projects.project.v1",
                                Duration.ofSeconds(30),
                                read -> read.stream().filter(m -> id.equals(m.key())).count() >= 3)
                        .stream()
                        .filter(m -> id.equals(m.key()))
                        .toList();
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(events)
                .extracting(m -> json.readTree(m.value()).get("sequence").asText())
                .containsExactly(
                        "00000000000000000001", "00000000000000000002", "00000000000000000003");
        var deleted = json.readTree(events.get(2).value());
        assertThat(deleted.get("type").asText()).isEqualTo("org.innoreg.projects.project.deleted");
        assertThat(deleted.get("data").get("stage").asText()).isEqualTo("NEGOTIATING");
        assertThat(deleted.get("data").get("transitions"))
                .extracting(t -> t.get("to").asText())
                .containsExactly("LEAD", "NEGOTIATING");
        assertThat(deleted.get("data").get("transitions").get(1).get("on").asText())
                .isEqualTo(BureauCalendar.today().toString());
    }

    @Test
    void tiersFollowThePlannedInvestment() {
        for (String[] row :
                new String[][] {
                    {"99999999.99", "BELOW_100M"},
                    {"100000000", "FROM_100M"},
                    {"500000000", "FROM_500M"},
                    {"999999999.99", "FROM_500M"},
                    {"1000000000", "FROM_1B"}
                }) {
            given().contentType(ContentType.JSON)
                    .body(project("Tier " + row[0], "430702", row[0], null))
                    .post("/api/v1/projects")
                    .then()
                    .statusCode(201)
                    .body("tier", equalTo(row[1]));
        }
    }

    @Test
    void regionFilterIncludesDescendants() {
        given().contentType(ContentType.JSON)
                .body(project("Dingcheng site", "430703", "300000000", null))
                .post("/api/v1/projects")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(project("Hengyang site", "430400", "300000000", null))
                .post("/api/v1/projects")
                .then()
                .statusCode(201);

        given().queryParam("region", "430700")
                .queryParam("limit", 500)
                .get("/api/v1/projects")
                .then()
                .statusCode(200)
                .body("items.name", hasItem("Dingcheng site"))
                .body("items.name", not(hasItem("Hengyang site")));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON)
                .body(project("Bad USCC", "430703", "1", "91350100M000100Y44"))
                .post("/api/v1/projects")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("investorUscc"));
        given().contentType(ContentType.JSON)
                .body(project("Negative", "430703", "-5", null))
                .post("/api/v1/projects")
                .then()
                .statusCode(400)
                .body("errors.field", contains("plannedInvestment"));
        given().contentType(ContentType.JSON)
                .body(project("Text amount", "430703", "\"lots\"", null))
                .post("/api/v1/projects")
                .then()
                .statusCode(400)
                .body("errors.field", contains("plannedInvestment"));
        given().contentType(ContentType.JSON)
                .body(project("Bad region", "4307", "1", null))
                .post("/api/v1/projects")
                .then()
                .statusCode(400)
                .body("errors.field", contains("regionCode"));
        given().get("/api/v1/projects/not-a-uuid")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("id"));
        given().get("/api/v1/projects/6f1c2b9e-0000-4000-8000-000000000000")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("limit", 100000)
                .get("/api/v1/projects")
                .then()
                .statusCode(400)
                .body("errors.field", contains("limit"));
    }
}
