package org.innoreg.projects.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

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
                """.formatted(name, uscc == null ? "null" : "\"" + uscc + "\"", region, investment);
    }

    @Test
    void newProjectIsALeadWithItsTierAndOneEvent() {
        String id = given().contentType(ContentType.JSON)
                .body(project("Fosun biomedicine park", "430703", "1200000000.00", "91350100M000100Y43"))
                .post("/api/v1/projects")
                .then().statusCode(201)
                .body("stage", equalTo("LEAD"))
                .body("tier", equalTo("FROM_1B"))
                .body("plannedInvestment", equalTo(1.2E9f))
                .header("ETag", equalTo("\"1\""))
                .extract().path("id");

        given().get("/api/v1/projects/" + id).then().statusCode(200).body("name", equalTo("Fosun biomedicine park"));

        List<TopicReader.Message> events = TopicReader.readUntil(bootstrapServers, "projects.project.v1",
                Duration.ofSeconds(30), read -> read.stream().anyMatch(m -> id.equals(m.key())))
                .stream().filter(m -> id.equals(m.key())).toList();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).value()).contains("\"type\":\"org.innoreg.projects.project.created\"",
                "\"tier\":\"FROM_1B\"");
    }

    @Test
    void tiersFollowThePlannedInvestment() {
        for (String[] row : new String[][] { { "99999999.99", "BELOW_100M" }, { "100000000", "FROM_100M" },
                { "500000000", "FROM_500M" }, { "999999999.99", "FROM_500M" }, { "1000000000", "FROM_1B" } }) {
            given().contentType(ContentType.JSON).body(project("Tier " + row[0], "430702", row[0], null))
                    .post("/api/v1/projects")
                    .then().statusCode(201).body("tier", equalTo(row[1]));
        }
    }

    @Test
    void regionFilterIncludesDescendants() {
        given().contentType(ContentType.JSON).body(project("Dingcheng site", "430703", "300000000", null))
                .post("/api/v1/projects").then().statusCode(201);
        given().contentType(ContentType.JSON).body(project("Hengyang site", "430405", "300000000", null))
                .post("/api/v1/projects").then().statusCode(201);

        given().queryParam("region", "430700").queryParam("limit", 500).get("/api/v1/projects")
                .then().statusCode(200)
                .body("items.name", hasItem("Dingcheng site"))
                .body("items.name", not(hasItem("Hengyang site")));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON).body(project("Bad USCC", "430703", "1", "91350100M000100Y44"))
                .post("/api/v1/projects")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("investorUscc"));
        given().contentType(ContentType.JSON).body(project("Negative", "430703", "-5", null))
                .post("/api/v1/projects")
                .then().statusCode(400).body("errors.field", contains("plannedInvestment"));
        given().contentType(ContentType.JSON).body(project("Text amount", "430703", "\"lots\"", null))
                .post("/api/v1/projects")
                .then().statusCode(400).body("errors.field", contains("plannedInvestment"));
        given().contentType(ContentType.JSON).body(project("Bad region", "4307", "1", null))
                .post("/api/v1/projects")
                .then().statusCode(400).body("errors.field", contains("regionCode"));
        given().get("/api/v1/projects/not-a-uuid").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("id"));
        given().get("/api/v1/projects/6f1c2b9e-0000-4000-8000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("limit", 100000).get("/api/v1/projects").then().statusCode(400)
                .body("errors.field", contains("limit"));
    }
}
