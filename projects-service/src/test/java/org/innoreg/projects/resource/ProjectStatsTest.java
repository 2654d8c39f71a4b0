package org.innoreg.projects.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The demo pipeline, imported as a bureau would, reproduces the seed's 2018 figures. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ProjectStatsTest {

    @Test
    void demoDataReproducesChangde2018() throws Exception {
        String csv = Files.readString(Path.of("..", "deploy", "demo", "projects.csv"));
        given().contentType("text/csv; charset=UTF-8")
                .body(csv)
                .queryParam("dryRun", true)
                .post("/api/v1/projects/import")
                .then()
                .statusCode(200)
                .body("invalid", equalTo(0))
                .body("created", equalTo(272));
        // Other tests of this run add their own 2018 projects: compare before and after the import.
        java.util.Map<String, Integer> before = atLeast2018InChangde();

        given().contentType("text/csv; charset=UTF-8")
                .body(csv)
                .queryParam("dryRun", false)
                .post("/api/v1/projects/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(272));

        // "In 2018, Changde launched 214 new industrial projects of over RMB 100 million; 36 of
        // over
        // 500 million and 13 of more than 1 billion" (Changde 2019 seed).
        java.util.Map<String, Integer> after = atLeast2018InChangde();
        assertThat(after.get("FROM_100M") - before.getOrDefault("FROM_100M", 0)).isEqualTo(214);
        assertThat(after.get("FROM_500M") - before.getOrDefault("FROM_500M", 0)).isEqualTo(36);
        assertThat(after.get("FROM_1B") - before.getOrDefault("FROM_1B", 0)).isEqualTo(13);
        given().queryParam("year", 2018)
                .queryParam("by", "signedOn")
                .queryParam("region", "430700")
                .queryParam("groupBy", "tier,stage,region")
                .get("/api/v1/projects/stats")
                .then()
                .statusCode(200)
                .body("groups[0].plannedInvestment", org.hamcrest.Matchers.notNullValue());

        // The same file again changes nothing.
        given().contentType("text/csv; charset=UTF-8")
                .body(csv)
                .queryParam("dryRun", false)
                .post("/api/v1/projects/import")
                .then()
                .statusCode(200)
                .body("unchanged", equalTo(272));
    }

    private static java.util.Map<String, Integer> atLeast2018InChangde() {
        java.util.Map<String, Integer> atLeast =
                given().queryParam("year", 2018)
                        .queryParam("region", "430700")
                        .queryParam("groupBy", "tier")
                        .get("/api/v1/projects/stats")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("atLeast");
        return atLeast == null ? java.util.Map.of() : atLeast;
    }

    /**
     * The funnel: of the projects a year places (by landedOn or signedOn), how many at or above
     * each tier had reached each later stage by asOf (default today). Stalling or cancelling keeps
     * the stages reached; a project below RMB 100 M is in no tier; a project landed the next year
     * is not among the year's landings but is among its signings.
     */
    @Test
    void theFunnelCountsTheStagesTheYearsProjectsReached() {
        java.util.Map<String, Object> landedBefore = funnel2012("landedOn", null);
        java.util.Map<String, Object> signedBefore = funnel2012("signedOn", null);
        java.util.Map<String, Object> juneBefore = funnel2012("landedOn", "2012-06-15");
        java.util.Map<String, Object> marchBefore = funnel2012("landedOn", "2012-03-15");
        project(
                600_000_000,
                "NEGOTIATING:2012-01-20",
                "SIGNED:2012-02-01",
                "LANDED:2012-03-01",
                "UNDER_CONSTRUCTION:2012-04-01",
                "IN_PRODUCTION:2012-11-01");
        project(
                1_200_000_000,
                "NEGOTIATING:2012-01-20",
                "SIGNED:2012-02-01",
                "LANDED:2012-03-01",
                "UNDER_CONSTRUCTION:2012-05-01");
        project(
                150_000_000,
                "NEGOTIATING:2012-01-20",
                "SIGNED:2012-02-01",
                "LANDED:2012-03-01",
                "UNDER_CONSTRUCTION:2012-05-01",
                "STALLED:2012-08-01");
        project(
                200_000_000,
                "NEGOTIATING:2012-01-20",
                "SIGNED:2012-02-01",
                "LANDED:2012-03-01",
                "CANCELLED:2012-06-01");
        project(
                50_000_000,
                "NEGOTIATING:2012-01-20",
                "SIGNED:2012-02-01",
                "LANDED:2012-03-01",
                "UNDER_CONSTRUCTION:2012-04-01",
                "IN_PRODUCTION:2012-10-01");
        project(300_000_000, "NEGOTIATING:2012-01-20", "SIGNED:2012-12-01", "LANDED:2013-01-10");

        java.util.Map<String, Object> landed = funnel2012("landedOn", null);
        assertThat(landed.keySet())
                .as("stages of the landedOn funnel")
                .containsExactly("LANDED", "UNDER_CONSTRUCTION", "IN_PRODUCTION");
        assertThat(delta(landed, landedBefore, "count"))
                .isEqualTo(
                        java.util.Map.of(
                                "LANDED", java.util.List.of(4L, 2L, 1L),
                                "UNDER_CONSTRUCTION", java.util.List.of(3L, 2L, 1L),
                                "IN_PRODUCTION", java.util.List.of(1L, 1L, 0L)));
        assertThat(delta(landed, landedBefore, "plannedInvestment").get("LANDED"))
                .as("planned RMB of the landed, ≥ 100 M / 500 M / 1 B")
                .isEqualTo(java.util.List.of(2_150_000_000L, 1_800_000_000L, 1_200_000_000L));

        // As of 2012-06-15 nothing was in production yet, and the stall and the cancelling keep
        // what was reached.
        assertThat(delta(funnel2012("landedOn", "2012-06-15"), juneBefore, "count"))
                .isEqualTo(
                        java.util.Map.of(
                                "LANDED", java.util.List.of(4L, 2L, 1L),
                                "UNDER_CONSTRUCTION", java.util.List.of(3L, 2L, 1L),
                                "IN_PRODUCTION", java.util.List.of(0L, 0L, 0L)));
        assertThat(delta(funnel2012("landedOn", "2012-03-15"), marchBefore, "count"))
                .isEqualTo(
                        java.util.Map.of(
                                "LANDED", java.util.List.of(4L, 2L, 1L),
                                "UNDER_CONSTRUCTION", java.util.List.of(0L, 0L, 0L),
                                "IN_PRODUCTION", java.util.List.of(0L, 0L, 0L)));

        java.util.Map<String, Object> signed = funnel2012("signedOn", null);
        assertThat(signed.keySet())
                .containsExactly("SIGNED", "LANDED", "UNDER_CONSTRUCTION", "IN_PRODUCTION");
        assertThat(delta(signed, signedBefore, "count"))
                .isEqualTo(
                        java.util.Map.of(
                                "SIGNED", java.util.List.of(5L, 2L, 1L),
                                "LANDED", java.util.List.of(5L, 2L, 1L),
                                "UNDER_CONSTRUCTION", java.util.List.of(3L, 2L, 1L),
                                "IN_PRODUCTION", java.util.List.of(1L, 1L, 0L)));
    }

    /** A lead in Dingcheng from 2012-01-05, moved through {@code moves} ("STAGE:date"). */
    private static void project(long plannedInvestment, String... moves) {
        String id =
                given().contentType("application/json")
                        .body(
                                """
                {"name":"Funnel %s","investorName":"Zhengda Group","origin":"DOMESTIC","kind":"INDUSTRIAL_INVESTMENT",
                 "regionCode":"430703","plannedInvestment":%d,"stageSince":"2012-01-05"}
                """
                                        .formatted(java.util.UUID.randomUUID(), plannedInvestment))
                        .post("/api/v1/projects")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        for (String move : moves) {
            String[] stageAndDay = move.split(":");
            given().contentType("application/json")
                    .body("{\"to\":\"" + stageAndDay[0] + "\",\"on\":\"" + stageAndDay[1] + "\"}")
                    .post("/api/v1/projects/" + id + "/transitions")
                    .then()
                    .statusCode(200);
        }
    }

    /**
     * stage → the funnel's entry for it (tier → amounts), 2012 in Dingcheng, as of {@code asOf}
     * (null: today).
     */
    private static java.util.Map<String, Object> funnel2012(String by, String asOf) {
        var request = given().queryParam("year", 2012).queryParam("by", by);
        if (asOf != null) {
            request.queryParam("asOf", asOf);
        }
        java.util.List<java.util.Map<String, Object>> funnel =
                request.queryParam("region", "430703")
                        .get("/api/v1/projects/stats")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .using(
                                new io.restassured.path.json.config.JsonPathConfig(
                                        io.restassured.path.json.config.JsonPathConfig
                                                .NumberReturnType.BIG_DECIMAL))
                        .getList("funnel");
        java.util.Map<String, Object> stages = new java.util.LinkedHashMap<>();
        funnel.forEach(stage -> stages.put((String) stage.get("stage"), stage.get("atLeast")));
        return stages;
    }

    /**
     * stage → [≥ 100 M, ≥ 500 M, ≥ 1 B] of {@code measure}, after minus before (other tests add
     * their own projects).
     */
    @SuppressWarnings("unchecked")
    private static java.util.Map<String, java.util.List<Long>> delta(
            java.util.Map<String, Object> after,
            java.util.Map<String, Object> before,
            String measure) {
        java.util.Map<String, java.util.List<Long>> delta = new java.util.LinkedHashMap<>();
        after.forEach(
                (stage, tiers) -> {
                    java.util.List<Long> values = new java.util.ArrayList<>();
                    for (String tier : java.util.List.of("FROM_100M", "FROM_500M", "FROM_1B")) {
                        Number now =
                                (Number)
                                        ((java.util.Map<String, java.util.Map<String, Object>>)
                                                        tiers)
                                                .get(tier)
                                                .get(measure);
                        java.util.Map<String, java.util.Map<String, Object>> earlier =
                                (java.util.Map<String, java.util.Map<String, Object>>)
                                        before.get(stage);
                        Number then = earlier == null ? 0 : (Number) earlier.get(tier).get(measure);
                        values.add(
                                new java.math.BigDecimal(now.toString())
                                        .subtract(new java.math.BigDecimal(then.toString()))
                                        .longValueExact());
                    }
                    delta.put(stage, values);
                });
        return delta;
    }

    @Test
    void badStatsQueriesAreProblems() {
        given().get("/api/v1/projects/stats")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("year"));
        given().queryParam("year", 2018)
                .queryParam("groupBy", "colour")
                .get("/api/v1/projects/stats")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("groupBy"));
        given().queryParam("year", "last").get("/api/v1/projects/stats").then().statusCode(400);
        given().queryParam("year", 2018)
                .queryParam("by", "createdAt")
                .get("/api/v1/projects/stats")
                .then()
                .statusCode(400);
        given().queryParam("year", 2018)
                .queryParam("asOf", "2018-02-30")
                .get("/api/v1/projects/stats")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }
}
