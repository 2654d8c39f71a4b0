package org.innoreg.projects.resource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.innoreg.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 11 for projects over HTTP: completed investment more than 3 times the planned one
 * (the factor of innoreg.projects.rules.max-completed-to-planned) is refused with a 422 naming the
 * rule, from a report, a plan update and an import row alike, and nothing is stored. Also: Chinese
 * labels in the body and the view, Chinese texts.
 */
@QuarkusTest
class ImplausibleInvestmentTest {

    private static final String ADMIN = "Bearer " + TestTokens.admin();

    private static String project(String name, String planned) {
        return """
                {"name":"%s","investorName":"常德投资企业","origin":"内资","kind":"产业投资","regionCode":"430703",
                 "plannedInvestment":%s,"stage":"在建","stageSince":"2018-05-01","reviewCadence":"按月"}
                """
                .formatted(name, planned);
    }

    private static ValidatableResponse report(String id, String month, String cumulative) {
        return given().header("Authorization", ADMIN)
                .header("Accept-Language", "zh-CN")
                .contentType(ContentType.JSON)
                .body("{\"month\":\"" + month + "\",\"cumulative\":" + cumulative + "}")
                .post("/api/v1/projects/" + id + "/investment-reports")
                .then();
    }

    @Test
    void aReportOrAPlanThatMakesCompletedThreeTimesPlannedIsRefused() {
        String id =
                given().header("Authorization", ADMIN)
                        .contentType(ContentType.JSON)
                        .body(project("鼎城新材料项目" + System.nanoTime(), "100000000"))
                        .post("/api/v1/projects")
                        .then()
                        .statusCode(201)
                        .body("origin", equalTo("DOMESTIC"))
                        .body("originLabel", equalTo("内资"))
                        .body("stage", equalTo("UNDER_CONSTRUCTION"))
                        .body("stageLabel", equalTo("在建"))
                        .body("tierLabel", equalTo("亿元以上"))
                        .body("reviewCadenceLabel", equalTo("按月"))
                        .extract()
                        .path("id");

        // 400,000,000 against a plan of 100,000,000: four times
        report(id, "2018-07", "400000000")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:innoreg:problem:implausible-value"))
                .body("rule", equalTo("completed-investment-above-planned"))
                .body("errors[0].field", equalTo("cumulative"))
                .body("errors[0].message", containsString("3 倍"));
        given().get("/api/v1/projects/" + id + "/investment-reports")
                .then()
                .statusCode(200)
                .body("items", empty());
        given().get("/api/v1/projects/" + id)
                .then()
                .body("completedInvestment", nullValue())
                .body("version", equalTo(1));

        report(id, "2018-07", "250000000")
                .statusCode(200)
                .body("completedInvestment", equalTo(2.5E8f));
        // a plan cut to 50,000,000 would make the 250,000,000 completed five times it
        given().header("Authorization", ADMIN)
                .header("If-Match", "\"2\"")
                .contentType(ContentType.JSON)
                .body(project("鼎城新材料项目改", "50000000"))
                .put("/api/v1/projects/" + id)
                .then()
                .statusCode(422)
                .body("rule", equalTo("completed-investment-above-planned"))
                .body("errors[0].field", equalTo("plannedInvestment"))
                .body("errors[0].message", containsString("3 times"));
        given().get("/api/v1/projects/" + id)
                .then()
                .body("plannedInvestment", equalTo(1.0E8f))
                .body("version", equalTo(2));
    }

    @Test
    void anImportRowWithSuchAPlanIsARowError() {
        String name = "澧县食品项目" + System.nanoTime();
        String id =
                given().header("Authorization", ADMIN)
                        .contentType(ContentType.JSON)
                        .body(project(name, "100000000"))
                        .post("/api/v1/projects")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        report(id, "2018-07", "250000000").statusCode(200);
        String csv = "项目名称,投资方,资金来源,项目类型,地区代码,计划投资\n" + name + ",常德投资企业,内资,产业投资,430703,50000000\n";
        given().header("Authorization", ADMIN)
                .header("Accept-Language", "zh-CN")
                .contentType("text/csv; charset=UTF-8")
                .body(csv)
                .queryParam("dryRun", true)
                .post("/api/v1/projects/import")
                .then()
                .statusCode(200)
                .body("invalid", equalTo(1))
                .body("errors[0].line", equalTo(2))
                .body("errors[0].field", equalTo("plannedInvestment"))
                .body("errors[0].message", containsString("计划投资"));
        given().header("Authorization", ADMIN)
                .contentType("text/csv; charset=UTF-8")
                .body(csv)
                .queryParam("dryRun", false)
                .post("/api/v1/projects/import")
                .then()
                .statusCode(422)
                .body("report.invalid", equalTo(1));
        given().get("/api/v1/projects/" + id).then().body("plannedInvestment", equalTo(1.0E8f));
    }

    @Test
    void stageFiltersTakeTheChineseLabel() {
        String name = "标签筛选项目" + System.nanoTime();
        given().header("Authorization", ADMIN)
                .contentType(ContentType.JSON)
                .body(project(name, "600000000"))
                .post("/api/v1/projects")
                .then()
                .statusCode(201);
        given().queryParam("stage", "在建")
                .queryParam("q", name)
                .get("/api/v1/projects")
                .then()
                .statusCode(200)
                .body("items[0].name", equalTo(name))
                .body("items[0].tierLabel", equalTo("5亿元以上"));
        given().queryParam("stage", "已投产")
                .queryParam("q", name)
                .get("/api/v1/projects")
                .then()
                .statusCode(200)
                .body("items", empty());
    }
}
