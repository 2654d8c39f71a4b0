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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Monthly investment reports and supervision reviews, with overdue detection on fixed dates. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ProjectProgressTest {

    private static String project(String cadence, String stageSince) {
        return given().contentType(ContentType.JSON)
                .body(
                        """
                {"name":"Progress %s","investorName":"Hong Kong Jiaduobao Group","origin":"HONG_KONG_MACAO_TAIWAN",
                 "kind":"INDUSTRIAL_INVESTMENT","regionCode":"430703","plannedInvestment":1000000000,
                 "stage":"UNDER_CONSTRUCTION","stageSince":"%s","responsibleOfficial":"Executive deputy mayor",
                 "reviewCadence":%s}
                """
                                .formatted(
                                        UUID.randomUUID(),
                                        stageSince,
                                        cadence == null ? "null" : "\"" + cadence + "\""))
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static io.restassured.response.ValidatableResponse report(
            String id, String month, String cumulative) {
        return given().contentType(ContentType.JSON)
                .body("{\"month\":\"" + month + "\",\"cumulative\":" + cumulative + "}")
                .post("/api/v1/projects/" + id + "/investment-reports")
                .then();
    }

    @Test
    void cumulativeInvestmentOnlyGrowsAndEachMonthIsReportedOnce() {
        String id = project(null, "2018-05-01");
        report(id, "2018-06", "100000000")
                .statusCode(200)
                .body("completedInvestment", equalTo(1.0E8f))
                .header("ETag", equalTo("\"2\""));
        report(id, "2018-07", "250000000")
                .statusCode(200)
                .body("completedInvestment", equalTo(2.5E8f));
        report(id, "2018-08", "240000000")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("cumulative"));
        report(id, "2018-07", "260000000").statusCode(409);
        // A late report for an earlier month must fit between its neighbours and leaves the latest
        // in place.
        report(id, "2018-05", "120000000").statusCode(422);
        report(id, "2018-05", "50000000")
                .statusCode(200)
                .body("completedInvestment", equalTo(2.5E8f));
        given().get("/api/v1/projects/" + id + "/investment-reports")
                .then()
                .body("items.month", contains("2018-05", "2018-06", "2018-07"));

        report(id, "2018-13", "1").statusCode(400).body("errors[0].field", equalTo("month"));
        report(id, "2999-01", "1").statusCode(400).body("errors[0].field", equalTo("month"));
        report(id, "2018-09", "-1").statusCode(400).body("errors[0].field", equalTo("cumulative"));
        report(UUID.randomUUID().toString(), "2018-09", "1").statusCode(404);
    }

    /**
     * A raised obstacle, a planned milestone or a review retried with its Idempotency-Key (as the
     * gateway retries on another replica when a connection broke) is made once.
     */
    @Test
    void progressRetriedWithItsIdempotencyKeyIsRecordedOnce() {
        String project = project("MONTHLY", "2019-01-01");
        String[][] writes = {
            {
                "obstacles",
                "{\"problem\":\"Power hook-up delayed\",\"department\":\"State Grid\",\"raisedOn\":\"2019-02-01\"}"
            },
            {"milestones", "{\"title\":\"Foundation poured\",\"plannedOn\":\"2019-05-01\"}"},
            {"reviews", "{\"reviewedOn\":\"2019-02-02\",\"reviewer\":\"Deputy mayor\"}"}
        };
        for (String[] write : writes) {
            String key = "retry-" + write[0] + "-" + UUID.randomUUID();
            int status =
                    given().contentType(ContentType.JSON)
                            .header("Idempotency-Key", key)
                            .body(write[1])
                            .post("/api/v1/projects/" + project + "/" + write[0])
                            .then()
                            .statusCode(org.hamcrest.Matchers.oneOf(200, 201))
                            .extract()
                            .statusCode();
            given().contentType(ContentType.JSON)
                    .header("Idempotency-Key", key)
                    .body(write[1])
                    .post("/api/v1/projects/" + project + "/" + write[0])
                    .then()
                    .statusCode(status)
                    .header("Idempotent-Replayed", "true");
            given().get("/api/v1/projects/" + project + "/" + write[0])
                    .then()
                    .body("items.size()", equalTo(1));
        }
    }

    /**
     * "Today" is Beijing's date: from 16:00 to 24:00 UTC a review dated today in Beijing is dated
     * tomorrow in UTC, and must still be accepted; the day after is still the future.
     */
    @Test
    void aReviewDatedTodayInBeijingIsAcceptedWhateverTheServersZone() {
        String project = project("MONTHLY", "2019-01-01");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        given().contentType(ContentType.JSON)
                .body("{\"reviewedOn\":\"" + today + "\",\"reviewer\":\"Executive deputy mayor\"}")
                .post("/api/v1/projects/" + project + "/reviews")
                .then()
                .statusCode(200)
                .body("lastReviewedOn", equalTo(today.toString()));
        given().contentType(ContentType.JSON)
                .body(
                        "{\"reviewedOn\":\""
                                + today.plusDays(1)
                                + "\",\"reviewer\":\"Executive deputy mayor\"}")
                .post("/api/v1/projects/" + project + "/reviews")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reviewedOn"));
    }

    @Test
    void overdueReviewsFollowEachCadenceOnAFixedDate() {
        String monthly = project("MONTHLY", "2019-01-01");
        String quarterly = project("QUARTERLY", "2019-01-01");
        String tenDays = project("TEN_DAYS", "2019-01-01");
        String unsupervised = project(null, "2019-01-01");
        given().contentType(ContentType.JSON)
                .body("{\"reviewedOn\":\"2019-03-01\",\"reviewer\":\"Executive deputy mayor\"}")
                .post("/api/v1/projects/" + monthly + "/reviews")
                .then()
                .statusCode(200)
                .body("lastReviewedOn", equalTo("2019-03-01"));
        given().contentType(ContentType.JSON)
                .body("{\"reviewedOn\":\"2019-03-25\",\"reviewer\":\"Deputy mayor\"}")
                .post("/api/v1/projects/" + tenDays + "/reviews")
                .then()
                .statusCode(200);

        // On 2019-03-20: monthly reviewed 03-01 (due 04-01) fine; quarterly from 01-01 due 04-01
        // fine;
        // ten-day never reviewed by then, due 01-11: 68 days overdue.
        List<String> overdue =
                given().queryParam("asOf", "2019-03-20")
                        .get("/api/v1/projects/overdue-reviews")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("items.projectId");
        assertThat(overdue).contains(tenDays).doesNotContain(monthly, quarterly, unsupervised);
        given().queryParam("asOf", "2019-03-20")
                .get("/api/v1/projects/overdue-reviews")
                .then()
                .body("items.find { it.projectId == '" + tenDays + "' }.daysOverdue", equalTo(68));

        // On 2019-04-10 the monthly and quarterly are late too; the ten-day one was reviewed 03-25
        // (due 04-04).
        given().queryParam("asOf", "2019-04-10")
                .get("/api/v1/projects/overdue-reviews")
                .then()
                .body("items.projectId", hasItem(monthly))
                .body("items.projectId", hasItem(quarterly))
                .body("items.projectId", hasItem(tenDays))
                .body("items.projectId", not(hasItem(unsupervised)));

        given().get("/api/v1/projects/" + tenDays + "/reviews")
                .then()
                .body("items.reviewer", contains("Deputy mayor"));
        given().contentType(ContentType.JSON)
                .body("{\"reviewedOn\":\"2999-01-01\",\"reviewer\":\"x\"}")
                .post("/api/v1/projects/" + monthly + "/reviews")
                .then()
                .statusCode(400);
        given().contentType(ContentType.JSON)
                .body("{\"reviewedOn\":\"2019-03-01\"}")
                .post("/api/v1/projects/" + monthly + "/reviews")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("reviewer"));
        given().queryParam("asOf", "someday")
                .get("/api/v1/projects/overdue-reviews")
                .then()
                .statusCode(400);
    }

    @Test
    void milestonesAreScheduledMetOrMissedOnAGivenDay() {
        String id = project(null, "2019-01-01");
        int topping =
                given().contentType(ContentType.JSON)
                        .body(
                                "{\"title\":\"Main building topped out\",\"plannedOn\":\"2019-06-30\"}")
                        .post("/api/v1/projects/" + id + "/milestones")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"Trial production\",\"plannedOn\":\"2019-12-31\"}")
                .post("/api/v1/projects/" + id + "/milestones")
                .then()
                .statusCode(201);

        given().queryParam("asOf", "2019-06-01")
                .get("/api/v1/projects/" + id + "/milestones")
                .then()
                .body("items.status", contains("SCHEDULED", "SCHEDULED"));
        given().queryParam("asOf", "2019-07-05")
                .get("/api/v1/projects/" + id + "/milestones")
                .then()
                .body("items.status", contains("MISSED", "SCHEDULED"));
        given().queryParam("asOf", "2019-07-05")
                .get("/api/v1/projects/late-milestones")
                .then()
                .body("items.id", hasItem(topping));

        given().contentType(ContentType.JSON)
                .body(
                        "{\"title\":\"Main building topped out\",\"plannedOn\":\"2019-06-30\",\"actualOn\":\"2019-07-12\"}")
                .put("/api/v1/projects/" + id + "/milestones/" + topping)
                .then()
                .statusCode(200);
        given().queryParam("asOf", "2019-07-20")
                .get("/api/v1/projects/" + id + "/milestones")
                .then()
                .body("items.status", contains("MET", "SCHEDULED"));
        given().queryParam("asOf", "2019-07-20")
                .get("/api/v1/projects/late-milestones")
                .then()
                .body("items.id", not(hasItem(topping)));
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"plannedOn\":\"2019-06-30\"}")
                .put("/api/v1/projects/" + id + "/milestones/999999")
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body("{\"plannedOn\":\"soon\"}")
                .post("/api/v1/projects/" + id + "/milestones")
                .then()
                .statusCode(400);
    }

    @Test
    void openObstaclesByDepartmentAndAge() {
        String id = project(null, "2019-01-01");
        String department = "Power supply " + UUID.randomUUID();
        int power =
                given().contentType(ContentType.JSON)
                        .body(
                                "{\"problem\":\"Power line not connected\",\"department\":\""
                                        + department
                                        + "\",\"raisedOn\":\"2019-03-05\"}")
                        .post("/api/v1/projects/" + id + "/obstacles")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");

        given().queryParam("asOf", "2019-04-10")
                .queryParam("department", department)
                .queryParam("minAgeDays", 30)
                .get("/api/v1/projects/open-obstacles")
                .then()
                .body("items.id", contains(power))
                .body("items[0].ageDays", equalTo(36));
        given().queryParam("asOf", "2019-04-01")
                .queryParam("department", department)
                .queryParam("minAgeDays", 30)
                .get("/api/v1/projects/open-obstacles")
                .then()
                .body("items", org.hamcrest.Matchers.empty());

        given().contentType(ContentType.JSON)
                .body("{\"resolvedOn\":\"2019-03-01\"}")
                .post("/api/v1/projects/" + id + "/obstacles/" + power + "/resolution")
                .then()
                .statusCode(422);
        given().contentType(ContentType.JSON)
                .body("{\"resolvedOn\":\"2019-04-18\",\"resolution\":\"10 kV line energised\"}")
                .post("/api/v1/projects/" + id + "/obstacles/" + power + "/resolution")
                .then()
                .statusCode(200)
                .body("ageDays", equalTo(44));
        given().contentType(ContentType.JSON)
                .body("{\"resolvedOn\":\"2019-04-19\"}")
                .post("/api/v1/projects/" + id + "/obstacles/" + power + "/resolution")
                .then()
                .statusCode(409);
        given().queryParam("asOf", "2019-04-10")
                .queryParam("department", department)
                .get("/api/v1/projects/open-obstacles")
                .then()
                .body("items.id", contains(power));
        given().queryParam("asOf", "2019-05-01")
                .queryParam("department", department)
                .get("/api/v1/projects/open-obstacles")
                .then()
                .body("items", org.hamcrest.Matchers.empty());
        given().get("/api/v1/projects/" + id).then().header("ETag", equalTo("\"3\""));
    }
}
