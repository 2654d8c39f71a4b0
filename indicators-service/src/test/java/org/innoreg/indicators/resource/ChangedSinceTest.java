package org.innoreg.indicators.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.innoreg.testsupport.ChangedSinceContract;
import org.junit.jupiter.api.Test;

/**
 * {@code changedSince} on the indicators service's lists (definitions, targets, a series): what
 * changed at or after the instant, with the other filters; a value that is not an RFC 3339 instant
 * is a 400 naming it.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ChangedSinceTest {

    private static JsonPath indicator(String code) {
        return given().contentType(ContentType.JSON)
                .body(
                        """
                {"code":"%s","nameZh":"研发人员数","nameEn":"R&D personnel","unit":"COUNT","frequency":"ANNUAL",
                 "source":"Statistics bureau"}
                """
                                .formatted(code))
                .post("/api/v1/indicators")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    @Test
    void indicatorsChangedSinceAnInstantWithTheKindFilter() {
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        JsonPath first = indicator("cs_first_" + suffix);
        JsonPath second = indicator("cs_second_" + suffix);
        OffsetDateTime secondAt = OffsetDateTime.parse(second.getString("updatedAt"));
        assertThat(OffsetDateTime.parse(first.getString("updatedAt"))).isBefore(secondAt);

        List<String> since =
                given().queryParam("changedSince", secondAt.toString())
                        .get("/api/v1/indicators")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.code");
        assertThat(since)
                .contains("cs_second_" + suffix)
                .doesNotContain("cs_first_" + suffix, "patent_applications");
        List<String> all = given().get("/api/v1/indicators").then().extract().path("items.code");
        assertThat(all)
                .contains("cs_first_" + suffix, "cs_second_" + suffix, "patent_applications");

        given().queryParam(
                        "changedSince",
                        secondAt.withOffsetSameInstant(ZoneOffset.ofHours(8)).toString())
                .queryParam("kind", "REPORTED")
                .get("/api/v1/indicators")
                .then()
                .statusCode(200)
                .body("items.code", org.hamcrest.Matchers.hasItem("cs_second_" + suffix));
        List<String> computed =
                given().queryParam("changedSince", secondAt.toString())
                        .queryParam("kind", "COMPUTED")
                        .get("/api/v1/indicators")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.code");
        assertThat(computed).doesNotContain("cs_second_" + suffix);
        List<String> later =
                given().queryParam("changedSince", secondAt.plusNanos(1000).toString())
                        .get("/api/v1/indicators")
                        .then()
                        .extract()
                        .path("items.code");
        assertThat(later).doesNotContain("cs_second_" + suffix, "cs_first_" + suffix);
    }

    private static String target(String region, String period) {
        return given().contentType(ContentType.JSON)
                .body(
                        """
                {"indicator":"high_tech_enterprises","region":"%s","kind":"LEVEL","targetValue":200,"targetPeriod":"%s",
                 "plan":"Changde 13th Five-Year Plan"}"""
                                .formatted(region, period))
                .post("/api/v1/targets")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void targetsChangedSinceAnInstantWithTheRegionFilter() throws Exception {
        String region = "430725";
        String before = target(region, "2019");
        Thread.sleep(5);
        OffsetDateTime between = OffsetDateTime.now();
        Thread.sleep(5);
        String after = target(region, "2020");
        String elsewhere = target("430726", "2020");

        given().queryParam("region", region)
                .get("/api/v1/targets")
                .then()
                .statusCode(200)
                .body("items.id", contains(before, after));
        given().queryParam("region", region)
                .queryParam("changedSince", between.toString())
                .get("/api/v1/targets")
                .then()
                .statusCode(200)
                .body("items.id", contains(after));
        List<String> everywhere =
                given().queryParam("changedSince", between.toString())
                        .get("/api/v1/targets")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.id");
        assertThat(everywhere).contains(after, elsewhere).doesNotContain(before);
        given().queryParam("region", region)
                .queryParam("changedSince", OffsetDateTime.now().plusMinutes(1).toString())
                .get("/api/v1/targets")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    @Test
    void aSeriesKeepsTheCellsChangedAtOrAfterTheInstant() throws Exception {
        String region = "430724";
        record(region, "2018", "1500");
        Thread.sleep(5);
        record(region, "2019", "1600");
        List<String> recorded =
                given().queryParam("region", region)
                        .get("/api/v1/indicators/patent_applications/series")
                        .then()
                        .statusCode(200)
                        .body("items.period", contains("2018", "2019"))
                        .extract()
                        .path("items.recordedAt");
        OffsetDateTime second = OffsetDateTime.parse(recorded.get(1));
        assertThat(OffsetDateTime.parse(recorded.get(0))).isBefore(second);

        given().queryParam("region", region)
                .queryParam("changedSince", second.toString())
                .get("/api/v1/indicators/patent_applications/series")
                .then()
                .body("items.period", contains("2019"));
        given().queryParam("region", region)
                .queryParam("changedSince", second.plusNanos(1000).toString())
                .get("/api/v1/indicators/patent_applications/series")
                .then()
                .body("items", empty());
        given().queryParam("region", region)
                .queryParam("changedSince", recorded.get(0))
                .get("/api/v1/indicators/patent_applications/series")
                .then()
                .body("items.period", contains("2018", "2019"));
    }

    private static void record(String region, String period, String value) {
        given().contentType(ContentType.JSON)
                .body("{\"value\":" + value + ",\"status\":\"FINAL\"}")
                .put("/api/v1/indicators/patent_applications/observations/" + region + "/" + period)
                .then()
                .statusCode(201);
    }

    @Test
    void aChangedSinceThatIsNotAnInstantIsAProblemNamingIt() {
        ChangedSinceContract.assertRefusesWhatIsNotAnInstant(
                "/api/v1/indicators", "/api/v1/targets", "/api/v1/indicators/gdp/series");
    }
}
