package org.innoreg.projects.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.innoreg.testsupport.SecurityMatrix;
import org.innoreg.testsupport.SecurityMatrix.Recipe;
import org.innoreg.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Who may write what in the pipeline, with real RS256 tokens, and what anonymous readers do not
 * see: the supervising official, reviewers and obstacles' text.
 */
@QuarkusTest
class WriteSecurityTest {

    private static final String EDITOR = "projects-editor";

    private String admin;
    private String projectId;
    private long milestoneId;
    private long obstacleId;

    private static String project(String name, String region) {
        return """
                {"name":"%s","investorName":"Hong Kong Jiaduobao Group","origin":"HONG_KONG_MACAO_TAIWAN",
                 "kind":"INDUSTRIAL_INVESTMENT","regionCode":"%s","plannedInvestment":1000000000,
                 "stage":"UNDER_CONSTRUCTION","stageSince":"2019-01-01","responsibleOfficial":"Executive deputy mayor",
                 "reviewCadence":"MONTHLY"}"""
                .formatted(name, region);
    }

    @BeforeEach
    void aSupervisedProjectInDingcheng() {
        admin = "Bearer " + TestTokens.admin();
        projectId =
                given().header("Authorization", admin)
                        .contentType(ContentType.JSON)
                        .body(project("安全项目 " + UUID.randomUUID(), "430703"))
                        .post("/api/v1/projects")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        milestoneId =
                given().header("Authorization", admin)
                        .contentType(ContentType.JSON)
                        .body("{\"title\":\"Main plant capped\",\"plannedOn\":\"2019-09-01\"}")
                        .post("/api/v1/projects/" + projectId + "/milestones")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        obstacleId =
                given().header("Authorization", admin)
                        .contentType(ContentType.JSON)
                        .body(
                                "{\"problem\":\"Land acquisition for the access road is stuck\",\"department\":\"Natural resources bureau\",\"raisedOn\":\"2019-03-01\"}")
                        .post("/api/v1/projects/" + projectId + "/obstacles")
                        .then()
                        .statusCode(201)
                        .extract()
                        .jsonPath()
                        .getLong("id");
        given().header("Authorization", admin)
                .contentType(ContentType.JSON)
                .body(
                        "{\"reviewedOn\":\"2019-03-05\",\"reviewer\":\"Deputy mayor Wang\",\"summary\":\"Road land to be settled\"}")
                .post("/api/v1/projects/" + projectId + "/reviews")
                .then()
                .statusCode(200);
    }

    @Test
    void everyWriteOperationRefusesEveryBadCallerAndChangesNothing() throws Exception {
        String etag = given().get("/api/v1/projects/" + projectId).then().extract().header("ETag");
        String base = "/api/v1/projects/" + projectId;
        String csv =
                "项目名称,投资方,资金来源,项目类型,产业链,地区代码,计划投资\n安全导入 "
                        + UUID.randomUUID()
                        + ",常德投资企业,内资,产业投资,食品加工,430703,120000000\n";
        Map<String, Recipe> recipes =
                Map.ofEntries(
                        Map.entry(
                                "createProject",
                                Recipe.json(
                                        "/api/v1/projects",
                                        project("矩阵项目 " + UUID.randomUUID(), "430703"),
                                        EDITOR,
                                        "registry-editor",
                                        "430703")),
                        Map.entry(
                                "updateProject",
                                Recipe.json(
                                                base,
                                                project("矩阵改名 " + UUID.randomUUID(), "430703"),
                                                EDITOR,
                                                "reader",
                                                "430703")
                                        .header("If-Match", etag)),
                        Map.entry(
                                "createProjectTransition",
                                Recipe.json(
                                        base + "/transitions",
                                        "{\"to\":\"IN_PRODUCTION\",\"on\":\"2019-10-01\"}",
                                        EDITOR,
                                        "reader",
                                        "430703")),
                        Map.entry(
                                "createProjectInvestmentReport",
                                Recipe.json(
                                        base + "/investment-reports",
                                        "{\"month\":\"2019-05\",\"cumulative\":300000000}",
                                        EDITOR,
                                        "indicators-editor",
                                        "430703")),
                        Map.entry(
                                "createProjectReview",
                                Recipe.json(
                                        base + "/reviews",
                                        "{\"reviewedOn\":\"2019-06-01\",\"reviewer\":\"Deputy mayor\"}",
                                        EDITOR,
                                        "reader",
                                        "430703")),
                        Map.entry(
                                "createProjectMilestone",
                                Recipe.json(
                                        base + "/milestones",
                                        "{\"title\":\"Trial run\",\"plannedOn\":\"2019-11-01\"}",
                                        EDITOR,
                                        "reader",
                                        "430703")),
                        Map.entry(
                                "updateProjectMilestone",
                                Recipe.json(
                                        base + "/milestones/" + milestoneId,
                                        "{\"title\":\"Main plant capped\",\"plannedOn\":\"2019-09-01\",\"actualOn\":\"2019-08-20\"}",
                                        EDITOR,
                                        "reader",
                                        "430703")),
                        Map.entry(
                                "createProjectObstacle",
                                Recipe.json(
                                        base + "/obstacles",
                                        "{\"problem\":\"Power line\",\"department\":\"State Grid\",\"raisedOn\":\"2019-04-01\"}",
                                        EDITOR,
                                        "reader",
                                        "430703")),
                        Map.entry(
                                "createProjectObstacleResolution",
                                Recipe.json(
                                        base + "/obstacles/" + obstacleId + "/resolution",
                                        "{\"resolvedOn\":\"2019-05-01\",\"resolution\":\"Land approved\"}",
                                        EDITOR,
                                        "reader",
                                        "430703")),
                        Map.entry(
                                "importProjects",
                                new Recipe(
                                        "/api/v1/projects/import",
                                        "text/csv; charset=UTF-8",
                                        csv,
                                        Map.of(),
                                        EDITOR,
                                        "reader",
                                        "430703")),
                        Map.entry(
                                "deleteProject",
                                new Recipe(
                                        base,
                                        null,
                                        null,
                                        Map.of("If-Match", etag),
                                        EDITOR,
                                        "reader",
                                        "430703")));

        var result = SecurityMatrix.runOnService("projects", recipes);
        assertThat(result.requests()).isEqualTo(11 * 8);
    }

    @Test
    void aProjectMovedOutOfTheCallersRegionsIsRefused() {
        String etag = given().get("/api/v1/projects/" + projectId).then().extract().header("ETag");
        given().header(
                        "Authorization",
                        "Bearer " + TestTokens.token("changde", List.of(EDITOR), List.of("430700")))
                .header("If-Match", etag)
                .contentType(ContentType.JSON)
                .body(project("搬到衡阳", "430400"))
                .put("/api/v1/projects/" + projectId)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:innoreg:problem:region-forbidden"));
        given().get("/api/v1/projects/" + projectId).then().body("regionCode", equalTo("430703"));
    }

    @Test
    void anonymousReadersDoNotSeeAChangedOfficialInTheProjectsChanges() {
        var current = given().get("/api/v1/projects/" + projectId).then().extract();
        String name = current.path("name");
        given().header("Authorization", admin)
                .header("If-Match", current.header("ETag"))
                .contentType(ContentType.JSON)
                .body(
                        project(name, "430703")
                                .replace("Executive deputy mayor", "Deputy mayor for industry")
                                .replace("\"MONTHLY\"", "\"QUARTERLY\""))
                .put("/api/v1/projects/" + projectId)
                .then()
                .statusCode(200);
        String anonymous =
                given().get("/api/v1/projects/" + projectId + "/changes")
                        .then()
                        .statusCode(200)
                        .body("items[-1].fields.field", hasItem("reviewCadence"))
                        .extract()
                        .asString();
        assertThat(anonymous).doesNotContain("mayor").doesNotContain("responsibleOfficial");
        given().header(
                        "Authorization",
                        "Bearer "
                                + TestTokens.token(
                                        "statistics-office", List.of("reader"), List.of()))
                .get("/api/v1/projects/" + projectId + "/changes")
                .then()
                .body("items[-1].fields.field", hasItems("responsibleOfficial", "reviewCadence"))
                .body(
                        "items[-1].fields.find { it.field == 'responsibleOfficial' }.to",
                        equalTo("Deputy mayor for industry"));
    }

    @Test
    void anonymousReadersDoNotSeeOfficialsReviewersOrObstacles() {
        String reader =
                "Bearer " + TestTokens.token("statistics-office", List.of("reader"), List.of());
        given().get("/api/v1/projects/" + projectId)
                .then()
                .statusCode(200)
                .body("$", not(hasKey("responsibleOfficial")))
                .body("name", org.hamcrest.Matchers.startsWith("安全项目"));
        given().header("Authorization", reader)
                .get("/api/v1/projects/" + projectId)
                .then()
                .body("responsibleOfficial", equalTo("Executive deputy mayor"));

        given().get("/api/v1/projects/" + projectId + "/obstacles")
                .then()
                .body("items[0]", not(hasKey("problem")))
                .body("items[0].department", equalTo("Natural resources bureau"));
        given().header("Authorization", reader)
                .get("/api/v1/projects/" + projectId + "/obstacles")
                .then()
                .body("items[0].problem", equalTo("Land acquisition for the access road is stuck"));

        given().get("/api/v1/projects/" + projectId + "/reviews")
                .then()
                .body("items[0]", not(hasKey("reviewer")))
                .body("items[0].reviewedOn", equalTo("2019-03-05"));
        given().header("Authorization", reader)
                .get("/api/v1/projects/" + projectId + "/reviews")
                .then()
                .body("items[0].reviewer", equalTo("Deputy mayor Wang"));

        given().queryParam("asOf", "2019-06-01")
                .get("/api/v1/projects/overdue-reviews")
                .then()
                .body(
                        "items.find { it.projectId == '" + projectId + "' }",
                        not(hasKey("responsibleOfficial")));
        given().header("Authorization", reader)
                .queryParam("asOf", "2019-06-01")
                .get("/api/v1/projects/overdue-reviews")
                .then()
                .body(
                        "items.find { it.projectId == '" + projectId + "' }.responsibleOfficial",
                        equalTo("Executive deputy mayor"));

        assertThat(given().queryParam("format", "jsonl").get("/api/v1/projects/export").asString())
                .contains(projectId)
                .doesNotContain("Executive deputy mayor");
        assertThat(
                        given().header("Authorization", reader)
                                .queryParam("format", "jsonl")
                                .get("/api/v1/projects/export")
                                .asString())
                .contains("Executive deputy mayor");
        // A bad token is refused even on a read: the caller meant to authenticate.
        given().header("Authorization", "Bearer " + TestTokens.garbage())
                .get("/api/v1/projects/" + projectId)
                .then()
                .statusCode(401)
                .body("type", equalTo("urn:innoreg:problem:token-malformed"));
    }
}
