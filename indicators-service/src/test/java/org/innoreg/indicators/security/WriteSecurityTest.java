package org.innoreg.indicators.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.innoreg.testsupport.SecurityMatrix;
import org.innoreg.testsupport.SecurityMatrix.Recipe;
import org.innoreg.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Who may write indicators, observations and targets, with real RS256 tokens; derived rebuilds are
 * admin only.
 */
@QuarkusTest
class WriteSecurityTest {

    private static final String EDITOR = "indicators-editor";

    @Test
    void everyWriteOperationRefusesEveryBadCallerAndChangesNothing() throws Exception {
        Map<String, Recipe> recipes =
                Map.of(
                        "createIndicator",
                                Recipe.json(
                                        "/api/v1/indicators",
                                        "{\"code\":\"matrix_indicator\",\"nameZh\":\"矩阵指标\",\"nameEn\":\"Matrix\",\"unit\":\"COUNT\",\"frequency\":\"ANNUAL\"}",
                                        EDITOR,
                                        "registry-editor",
                                        null),
                        "putIndicatorObservation",
                                Recipe.json(
                                        "/api/v1/indicators/patent_applications/observations/430703/2019",
                                        "{\"value\":1234,\"status\":\"FINAL\"}",
                                        EDITOR,
                                        "projects-editor",
                                        "430703"),
                        "createTarget",
                                Recipe.json(
                                        "/api/v1/targets",
                                        "{\"indicator\":\"gdp\",\"region\":\"430703\",\"kind\":\"LEVEL\",\"targetValue\":500,\"targetPeriod\":\"2025\",\"plan\":\"Matrix plan\"}",
                                        EDITOR,
                                        "reader",
                                        "430703"),
                        "rebuildDerivedIndicators",
                                new Recipe(
                                        "/api/v1/indicators/derived/rebuild",
                                        null,
                                        null,
                                        Map.of(),
                                        "admin",
                                        EDITOR,
                                        null));

        var result = SecurityMatrix.runOnService("indicators", recipes);
        assertThat(result.requests()).isEqualTo(4 * 7 + 2);
    }

    @Test
    void aTongzhouStatisticianRecordsTongzhouFiguresOnlyAndIsNamedInTheirChanges() {
        String tongzhou =
                "Bearer "
                        + TestTokens.token(
                                "tongzhou-stats-liu", List.of(EDITOR), List.of("110112"));
        given().header("Authorization", tongzhou)
                .contentType(ContentType.JSON)
                .body("{\"value\":5200,\"status\":\"FINAL\"}")
                .put("/api/v1/indicators/patent_applications/observations/110112/2020")
                .then()
                .statusCode(201);
        given().header("Authorization", tongzhou)
                .contentType(ContentType.JSON)
                .body("{\"value\":5200,\"status\":\"FINAL\"}")
                .put("/api/v1/indicators/patent_applications/observations/430702/2020")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:innoreg:problem:region-forbidden"));
        given().get("/api/v1/indicators/patent_applications/observations/430702/2020")
                .then()
                .statusCode(404);

        String id =
                given().header("Authorization", tongzhou)
                        .contentType(ContentType.JSON)
                        .body(
                                """
                {"indicator":"patent_applications","region":"110112","kind":"LEVEL","targetValue":5000,"targetPeriod":"2020",
                 "plan":"Tongzhou annual work plan %s"}"""
                                        .formatted(java.util.UUID.randomUUID()))
                        .post("/api/v1/targets")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().get("/api/v1/targets/" + id + "/changes")
                .then()
                .statusCode(200)
                .body("items.actor", contains("tongzhou-stats-liu"))
                .body("items.action", contains("created"));
        // An editor is not an admin: rebuilding read models is refused by role.
        given().header("Authorization", tongzhou)
                .post("/api/v1/indicators/derived/rebuild")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:innoreg:problem:role-forbidden"));
    }
}
