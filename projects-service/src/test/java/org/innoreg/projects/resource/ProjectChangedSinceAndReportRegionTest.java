package org.innoreg.projects.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.innoreg.testsupport.ChangedSinceContract;
import org.junit.jupiter.api.Test;

/**
 * The project list's {@code changedSince} (the project's last change, its sub-records included),
 * and the {@code region} filter of the cross-project reports (overdue reviews, late milestones,
 * open obstacles): a region's whole subtree, the others left out; malformed values are 400 problems
 * naming the parameter.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ProjectChangedSinceAndReportRegionTest {

    private static final List<String> REPORTS =
            List.of(
                    "/api/v1/projects/overdue-reviews",
                    "/api/v1/projects/late-milestones",
                    "/api/v1/projects/open-obstacles");

    private static JsonPath project(String name, String region, String cadence) {
        return given().contentType(ContentType.JSON)
                .body(
                        """
                {"name":"%s","investorName":"Hong Kong Jiaduobao Group","origin":"HONG_KONG_MACAO_TAIWAN",
                 "kind":"INDUSTRIAL_INVESTMENT","regionCode":"%s","plannedInvestment":1000000000,
                 "stage":"UNDER_CONSTRUCTION","stageSince":"2019-01-01","responsibleOfficial":"Executive deputy mayor",
                 "reviewCadence":%s}
                """
                                .formatted(
                                        name,
                                        region,
                                        cadence == null ? "null" : "\"" + cadence + "\""))
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static OffsetDateTime instant(JsonPath record) {
        return OffsetDateTime.parse(record.getString("updatedAt"));
    }

    @Test
    void projectsChangedSinceAnInstantWithFiltersSortAndCursor() {
        String tag = "变更" + UUID.randomUUID();
        JsonPath first = project(tag + "A", "430703", null);
        JsonPath second = project(tag + "B", "430703", null);
        JsonPath third = project(tag + "C", "430400", null);
        OffsetDateTime secondAt = instant(second);
        assertThat(instant(first)).isBefore(secondAt);

        ChangedSinceContract.assertHolds("/api/v1/projects", "name", tag, secondAt);

        // A review is a change of the project: the first is changed since the third now.
        given().contentType(ContentType.JSON)
                .body("{\"reviewedOn\":\"2019-03-01\",\"reviewer\":\"Deputy mayor\"}")
                .post("/api/v1/projects/" + first.getString("id") + "/reviews")
                .then()
                .statusCode(200);
        given().queryParam("q", tag)
                .queryParam("changedSince", instant(third).plusNanos(1000).toString())
                .get("/api/v1/projects")
                .then()
                .body("items.name", contains(tag + "A"));
    }

    @Test
    void changedSinceThatIsNotAnInstantIsAProblemNamingIt() {
        ChangedSinceContract.assertRefusesWhatIsNotAnInstant("/api/v1/projects");
    }

    @Test
    void overdueReviewsOfARegionIncludeItsDescendantsOnly() {
        String dingcheng =
                project("Overdue " + UUID.randomUUID(), "430703", "TEN_DAYS").getString("id");
        String hengyang =
                project("Overdue " + UUID.randomUUID(), "430400", "TEN_DAYS").getString("id");
        // Both never reviewed, in stage since 2019-01-01: due 01-11, overdue on 03-20.
        assertThat(overdue(null)).contains(dingcheng, hengyang);
        assertThat(overdue("430700")).contains(dingcheng).doesNotContain(hengyang);
        assertThat(overdue("430703")).contains(dingcheng).doesNotContain(hengyang);
        assertThat(overdue("430400")).contains(hengyang).doesNotContain(dingcheng);
        assertThat(overdue("430000")).contains(dingcheng, hengyang);
        assertThat(overdue("220100")).doesNotContain(dingcheng, hengyang);
        given().queryParam("asOf", "2019-03-20")
                .queryParam("region", "430700")
                .get("/api/v1/projects/overdue-reviews")
                .then()
                .body(
                        "items.regionCode.unique()",
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.startsWith("4307")));
    }

    private static List<String> overdue(String region) {
        var request = given().queryParam("asOf", "2019-03-20");
        if (region != null) {
            request.queryParam("region", region);
        }
        return request.get("/api/v1/projects/overdue-reviews")
                .then()
                .statusCode(200)
                .extract()
                .path("items.projectId");
    }

    @Test
    void lateMilestonesOfARegionIncludeItsDescendantsOnly() {
        int dingcheng =
                milestone(project("Late " + UUID.randomUUID(), "430703", null).getString("id"));
        int hengyang =
                milestone(project("Late " + UUID.randomUUID(), "430400", null).getString("id"));
        assertThat(late(null)).contains(dingcheng, hengyang);
        assertThat(late("430700")).contains(dingcheng).doesNotContain(hengyang);
        assertThat(late("430703")).contains(dingcheng).doesNotContain(hengyang);
        assertThat(late("430400")).contains(hengyang).doesNotContain(dingcheng);
        assertThat(late("430000")).contains(dingcheng, hengyang);
        assertThat(late("110112")).doesNotContain(dingcheng, hengyang);
    }

    private static int milestone(String project) {
        return given().contentType(ContentType.JSON)
                .body("{\"title\":\"Main building topped out\",\"plannedOn\":\"2019-06-30\"}")
                .post("/api/v1/projects/" + project + "/milestones")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static List<Integer> late(String region) {
        var request = given().queryParam("asOf", "2019-07-05");
        if (region != null) {
            request.queryParam("region", region);
        }
        return request.get("/api/v1/projects/late-milestones")
                .then()
                .statusCode(200)
                .extract()
                .path("items.id");
    }

    @Test
    void openObstaclesOfARegionIncludeItsDescendantsOnlyWithTheOtherFilters() {
        String department = "Natural resources bureau " + UUID.randomUUID();
        int dingcheng =
                obstacle(
                        project("Obstacle " + UUID.randomUUID(), "430703", null).getString("id"),
                        department);
        int hengyang =
                obstacle(
                        project("Obstacle " + UUID.randomUUID(), "430400", null).getString("id"),
                        department);
        given().queryParam("asOf", "2019-04-10")
                .queryParam("department", department)
                .get("/api/v1/projects/open-obstacles")
                .then()
                .statusCode(200)
                .body("items.id", contains(dingcheng, hengyang));
        given().queryParam("asOf", "2019-04-10")
                .queryParam("department", department)
                .queryParam("region", "430700")
                .get("/api/v1/projects/open-obstacles")
                .then()
                .statusCode(200)
                .body("items.id", contains(dingcheng));
        given().queryParam("asOf", "2019-04-10")
                .queryParam("department", department)
                .queryParam("region", "430400")
                .queryParam("minAgeDays", 30)
                .get("/api/v1/projects/open-obstacles")
                .then()
                .body("items.id", contains(hengyang));
        given().queryParam("asOf", "2019-04-10")
                .queryParam("department", department)
                .queryParam("region", "430000")
                .get("/api/v1/projects/open-obstacles")
                .then()
                .body("items.id", contains(dingcheng, hengyang));
        given().queryParam("asOf", "2019-04-10")
                .queryParam("department", department)
                .queryParam("region", "220190")
                .get("/api/v1/projects/open-obstacles")
                .then()
                .statusCode(200)
                .body("items", empty());
    }

    private static int obstacle(String project, String department) {
        return given().contentType(ContentType.JSON)
                .body(
                        "{\"problem\":\"Land for the access road\",\"department\":\""
                                + department
                                + "\",\"raisedOn\":\"2019-03-05\"}")
                .post("/api/v1/projects/" + project + "/obstacles")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void aMalformedRegionIsTheSameProblemAsOnTheProjectList() {
        for (String bad : List.of("4307", "43070", "4307000", "A30700", "930700", "' OR 1=1 --")) {
            var list =
                    given().queryParam("region", bad)
                            .get("/api/v1/projects")
                            .then()
                            .statusCode(400)
                            .extract();
            for (String report : REPORTS) {
                given().queryParam("region", bad)
                        .get(report)
                        .then()
                        .log()
                        .ifValidationFails()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("type", equalTo(list.path("type")))
                        .body("errors[0].field", equalTo("region"))
                        .body("errors[0].message", equalTo(list.path("errors[0].message")));
            }
        }
        // A well-formed code that names no region of the registry: refused as the list refuses it,
        // a 400 naming the parameter (not an empty answer).
        ValidatableResponse none =
                given().queryParam("region", "439900")
                        .get("/api/v1/projects")
                        .then()
                        .statusCode(400);
        for (String report : REPORTS) {
            given().queryParam("region", "439900")
                    .queryParam("asOf", "2019-07-05")
                    .get(report)
                    .then()
                    .statusCode(400)
                    .body("type", equalTo(none.extract().path("type")))
                    .body("errors[0].field", equalTo("region"))
                    .body("errors[0].message", equalTo(none.extract().path("errors[0].message")));
        }
    }
}
