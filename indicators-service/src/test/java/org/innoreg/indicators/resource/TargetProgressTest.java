package org.innoreg.indicators.resource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.innoreg.chassis.validation.BureauCalendar;
import org.junit.jupiter.api.Test;

/** Each kind of target's progress on fixed data, as the bureau would read it on a day. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class TargetProgressTest {

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The regions beyond the registry's seed that these tests name. */
    @org.junit.jupiter.api.BeforeEach
    void regions() {
        org.innoreg.indicators.TestRegions.known(bootstrapServers, "430782");
    }

    private static final String REGION = "430781";

    private static String target(String body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/targets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void observe(String indicator, String year, String value) {
        given().contentType(ContentType.JSON)
                .body("{\"value\":" + value + ",\"status\":\"FINAL\"}")
                .put("/api/v1/indicators/" + indicator + "/observations/" + REGION + "/" + year)
                .then()
                .statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse progress(String id) {
        return given().get("/api/v1/targets/" + id + "/progress").then().statusCode(200);
    }

    @Test
    void eachKindOfTargetIsJudgedByItsRule() {
        String patents =
                target(
                        """
                {"indicator":"patent_applications","region":"%s","kind":"CUMULATIVE","targetValue":12000,
                 "spanFrom":"2016","targetPeriod":"2020","plan":"Changde 13th Five-Year Plan: Smart Changde"}"""
                                .formatted(REGION));
        String enterprises =
                target(
                        """
                {"indicator":"high_tech_enterprises","region":"%s","kind":"LEVEL","targetValue":200,"targetPeriod":"2018",
                 "baselinePeriod":"2015","baselineValue":120,"plan":"Hengyang plan"}"""
                                .formatted(REGION));
        String output =
                target(
                        """
                {"indicator":"high_tech_output","region":"%s","kind":"ANNUAL_GROWTH","targetValue":15,"targetPeriod":"2020",
                 "baselinePeriod":"2015","baselineValue":100,"plan":"Changde 13th Five-Year Plan: Smart Changde"}"""
                                .formatted(REGION));
        String gdp =
                target(
                        """
                {"indicator":"gdp","region":"%s","kind":"LEVEL","targetValue":1000,"targetPeriod":"2020","plan":"none given"}"""
                                .formatted(REGION));

        progress(patents).body("status", equalTo("NO_DATA"));
        observe("patent_applications", "2016", "2000");
        observe("patent_applications", "2017", "2200");
        observe("patent_applications", "2018", "2500");
        // 6,700 by 2018 against 12,000 × 3/5 = 7,200 expected: 93 % of the way it should be.
        progress(patents)
                .body("status", equalTo("AT_RISK"))
                .body("value", equalTo(6700))
                .body("expected", equalTo(7200));
        observe("patent_applications", "2019", "3000");
        progress(patents).body("status", equalTo("ON_TRACK")).body("value", equalTo(9700));
        given().queryParam("asOf", BureauCalendar.today().minusDays(1).toString())
                .get("/api/v1/targets/" + patents + "/progress")
                .then()
                .body("status", equalTo("NO_DATA"));

        observe("high_tech_enterprises", "2016", "150");
        progress(enterprises).body("status", equalTo("ON_TRACK"));
        observe("high_tech_enterprises", "2017", "155");
        progress(enterprises).body("status", equalTo("OFF_TRACK"));
        observe("high_tech_enterprises", "2018", "201");
        progress(enterprises).body("status", equalTo("ACHIEVED")).body("period", equalTo("2018"));

        // 130 in 2017 against 100 × 1.15² = 132.25.
        observe("high_tech_output", "2017", "130");
        progress(output).body("status", equalTo("AT_RISK")).body("expected", equalTo(132.25f));

        progress(gdp).body("status", equalTo("NO_DATA"));
        given().get("/api/v1/scorecards/" + REGION)
                .then()
                .statusCode(200)
                .body("items.status", hasItems("ON_TRACK", "ACHIEVED", "AT_RISK", "NO_DATA"))
                // the scorecard a director reads: the Chinese label beside each code (issue 15 item
                // 9)
                .body("items.statusLabel", hasItems("进展正常", "已实现", "有风险", "无数据"))
                .body("items.target.kindLabel", hasItems("水平目标"));
    }

    @Test
    void inconsistentTargetsAreRefused() {
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"indicator":"patent_applications","region":"430781","kind":"CUMULATIVE","targetValue":12000,
                 "targetPeriod":"2020","plan":"x"}""")
                .post("/api/v1/targets")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("spanFrom"));
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"indicator":"high_tech_output","region":"430781","kind":"ANNUAL_GROWTH","targetValue":15,
                 "targetPeriod":"2020","plan":"x"}""")
                .post("/api/v1/targets")
                .then()
                .statusCode(422);
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"indicator":"nothing","region":"430781","kind":"LEVEL","targetValue":1,"targetPeriod":"2020","plan":"x"}""")
                .post("/api/v1/targets")
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"indicator":"gdp","region":"430781","kind":"SOMEDAY","targetValue":1,"targetPeriod":"2020","plan":"x"}""")
                .post("/api/v1/targets")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        given().get("/api/v1/targets/6f1c2b9e-0000-4000-8000-000000000000/progress")
                .then()
                .statusCode(404);
        given().get("/api/v1/scorecards/43").then().statusCode(400);
    }

    /**
     * Why a target is judged as it is comes in the caller's language, as the dashboard shows it.
     */
    @Test
    void theProgressReasonIsInTheCallersLanguage() {
        String id =
                given().contentType(ContentType.JSON)
                        .body(
                                """
                {"indicator":"patent_grants","region":"430781","kind":"LEVEL","targetValue":10,
                 "targetPeriod":"2029","plan":"语言计划 %s"}"""
                                        .formatted(java.util.UUID.randomUUID()))
                        .post("/api/v1/targets")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().header("Accept-Language", "zh-CN")
                .get("/api/v1/targets/" + id + "/progress")
                .then()
                .statusCode(200)
                .header("Content-Language", "zh-CN")
                .body("reason", org.hamcrest.Matchers.matchesPattern(".*\\p{IsHan}.*"));
        given().get("/api/v1/targets/" + id + "/progress")
                .then()
                .statusCode(200)
                .body("reason", org.hamcrest.Matchers.matchesPattern("[^\\p{IsHan}]+"));
    }

    /** Creates of one target at the same time: one is stored, the others are 409 duplicates. */
    @Test
    void simultaneousCreatesOfOneTargetStoreOne() throws Exception {
        String plan = "并发计划 " + java.util.UUID.randomUUID();
        String body =
                """
                {"indicator":"patent_grants","region":"430703","kind":"LEVEL","targetValue":10,
                 "targetPeriod":"2027","plan":"%s"}"""
                        .formatted(plan);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            var statuses = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 10; i++) {
                statuses.add(
                        pool.submit(
                                () ->
                                        given().contentType(ContentType.JSON)
                                                .body(body)
                                                .post("/api/v1/targets")
                                                .statusCode()));
            }
            int created = 0;
            for (var status : statuses) {
                int code = status.get();
                org.assertj.core.api.Assertions.assertThat(code).isIn(201, 409);
                created += code == 201 ? 1 : 0;
            }
            org.assertj.core.api.Assertions.assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        given().queryParam("region", "430703")
                .get("/api/v1/targets")
                .then()
                .body("items.findAll { it.plan == '" + plan + "' }.size()", equalTo(1));
    }

    @Test
    void aGrowthTargetWithoutABaselineValueGrowsFromTheBaselineYearsReportedValue() {
        String id =
                given().contentType(ContentType.JSON)
                        .body(
                                """
                {"indicator":"high_tech_output","region":"430782","kind":"ANNUAL_GROWTH","targetValue":15,"targetPeriod":"2020",
                 "baselinePeriod":"2015","plan":"Changde 13th Five-Year Plan: Smart Changde"}""")
                        .post("/api/v1/targets")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"indicator":"high_tech_output","region":"430782","kind":"ANNUAL_GROWTH","targetValue":15,"targetPeriod":"2020",
                 "baselinePeriod":"2015","plan":"Changde 13th Five-Year Plan: Smart Changde"}""")
                .post("/api/v1/targets")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body("{\"value\":300}")
                .put("/api/v1/indicators/high_tech_output/observations/430782/2017")
                .then()
                .statusCode(201);
        given().get("/api/v1/targets/" + id + "/progress")
                .then()
                .statusCode(200)
                .body("status", equalTo("NO_DATA"))
                .body("reason", org.hamcrest.Matchers.containsString("2015"));
        given().contentType(ContentType.JSON)
                .body("{\"value\":200}")
                .put("/api/v1/indicators/high_tech_output/observations/430782/2015")
                .then()
                .statusCode(201);
        // 200 × 1.15² = 264.5 expected by 2017; 300 is ahead of it.
        given().get("/api/v1/targets/" + id + "/progress")
                .then()
                .statusCode(200)
                .body("status", equalTo("ON_TRACK"))
                .body("expected", equalTo(264.5f));
    }
}
