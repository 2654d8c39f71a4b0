package org.innoreg.projects.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** The demo pipeline, imported as a bureau would, reproduces the seed's 2018 figures. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ProjectStatsTest {

    @Test
    void demoDataReproducesChangde2018() throws Exception {
        String csv = Files.readString(Path.of("..", "deploy", "demo", "projects.csv"));
        given().contentType("text/csv; charset=UTF-8").body(csv).queryParam("dryRun", true).post("/api/v1/projects/import")
                .then().statusCode(200).body("invalid", equalTo(0)).body("created", equalTo(272));
        // Other tests of this run add their own 2018 projects: compare before and after the import.
        java.util.Map<String, Integer> before = atLeast2018InChangde();

        given().contentType("text/csv; charset=UTF-8").body(csv).queryParam("dryRun", false).post("/api/v1/projects/import")
                .then().statusCode(200).body("created", equalTo(272));

        // "In 2018, Changde launched 214 new industrial projects of over RMB 100 million; 36 of over
        // 500 million and 13 of more than 1 billion" (Changde 2019 seed).
        java.util.Map<String, Integer> after = atLeast2018InChangde();
        assertThat(after.get("FROM_100M") - before.getOrDefault("FROM_100M", 0)).isEqualTo(214);
        assertThat(after.get("FROM_500M") - before.getOrDefault("FROM_500M", 0)).isEqualTo(36);
        assertThat(after.get("FROM_1B") - before.getOrDefault("FROM_1B", 0)).isEqualTo(13);
        given().queryParam("year", 2018).queryParam("by", "signedOn").queryParam("region", "430700")
                .queryParam("groupBy", "tier,stage,region").get("/api/v1/projects/stats")
                .then().statusCode(200).body("groups[0].plannedInvestment", org.hamcrest.Matchers.notNullValue());

        // The same file again changes nothing.
        given().contentType("text/csv; charset=UTF-8").body(csv).queryParam("dryRun", false).post("/api/v1/projects/import")
                .then().statusCode(200).body("unchanged", equalTo(272));
    }

    private static java.util.Map<String, Integer> atLeast2018InChangde() {
        java.util.Map<String, Integer> atLeast = given().queryParam("year", 2018).queryParam("region", "430700")
                .queryParam("groupBy", "tier").get("/api/v1/projects/stats").then().statusCode(200).extract().path("atLeast");
        return atLeast == null ? java.util.Map.of() : atLeast;
    }

    @Test
    void badStatsQueriesAreProblems() {
        given().get("/api/v1/projects/stats").then().statusCode(400).body("errors[0].field", equalTo("year"));
        given().queryParam("year", 2018).queryParam("groupBy", "colour").get("/api/v1/projects/stats").then()
                .statusCode(400).body("errors[0].field", equalTo("groupBy"));
        given().queryParam("year", "last").get("/api/v1/projects/stats").then().statusCode(400);
        given().queryParam("year", 2018).queryParam("by", "createdAt").get("/api/v1/projects/stats").then().statusCode(400);
    }
}
