package org.innoreg.indicators.resource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 11 for indicators over HTTP: a value that cannot be right is a 422 naming its rule,
 * and the cell stays as it was (absent, or its last value); a jump of two orders of magnitude goes
 * in with confirm=true.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ImplausibleValuesTest {

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The regions beyond the registry's seed that these tests name. */
    @org.junit.jupiter.api.BeforeEach
    void regions() {
        org.innoreg.indicators.TestRegions.known(bootstrapServers, "430611", "430612", "430613");
    }

    private static ValidatableResponse put(
            String cell, String ifMatch, String value, boolean confirm) {
        var request =
                given().contentType(ContentType.JSON)
                        .header("Accept-Language", "zh-CN")
                        .body("{\"value\":" + value + ",\"status\":\"最终数\"}");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (confirm) {
            request.queryParam("confirm", true);
        }
        return request.put("/api/v1/indicators/" + cell.replaceFirst("/", "/observations/")).then();
    }

    private static void refused(ValidatableResponse response, String rule) {
        response.statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:innoreg:problem:implausible-value"))
                .body("rule", equalTo(rule))
                .body("title", equalTo("数值不合理"))
                .body("errors[0].field", equalTo("value"));
    }

    @Test
    void aPercentageAbove100IsRefusedAndNotStored() {
        // an indicator defined with Chinese labels for its unit and frequency
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"code":"park_occupancy","nameZh":"园区入驻率","nameEn":"Park occupancy","unit":"百分比","frequency":"年度"}
                """)
                .post("/api/v1/indicators")
                .then()
                .statusCode(201)
                .body("unit", equalTo("PERCENT"))
                .body("unitLabel", equalTo("百分比"))
                .body("frequencyLabel", equalTo("年度"));
        refused(put("park_occupancy/430611/2020", null, "120", false), "percent-above-100");
        given().get("/api/v1/indicators/park_occupancy/observations/430611/2020")
                .then()
                .statusCode(404);
        put("park_occupancy/430611/2020", null, "100", false)
                .statusCode(201)
                .body("statusLabel", equalTo("最终数"));
    }

    @Test
    void aNegativeCountIsRefusedAndNotStored() {
        refused(put("patent_applications/430613/2019", null, "-5", false), "negative-value");
        given().get("/api/v1/indicators/patent_applications/observations/430613/2019")
                .then()
                .statusCode(404);
        put("patent_applications/430613/2019", null, "0", false).statusCode(201);
    }

    @Test
    void aPartThatPutsTheShareOfGdpAbove100IsRefusedAndNotStored() {
        put("gdp/430612/2020", null, "1900", false).statusCode(201);
        // R&D spending of 2,000 亿元 against a GDP of 1,900 亿元: rd_intensity would be 105.26 %
        var refusal = put("rd_spending/430612/2020", null, "2000", false);
        refused(refusal, "share-above-100");
        refusal.body("errors[0].message", containsString("rd_intensity"));
        given().get("/api/v1/indicators/rd_spending/observations/430612/2020")
                .then()
                .statusCode(404);
        put("rd_spending/430612/2020", null, "45.6", false).statusCode(201);
        // and the other way: a GDP revised below the R&D spending
        refused(put("gdp/430612/2020", "\"1\"", "40", false), "share-above-100");
        given().get("/api/v1/indicators/gdp/observations/430612/2020")
                .then()
                .statusCode(200)
                .body("value", equalTo(1900));
        given().queryParam("region", "430612")
                .get("/api/v1/indicators/rd_intensity/series")
                .then()
                .body("items[0].value", equalTo(2.4f));
    }

    @Test
    void aRevisionThatJumpsByOrdersOfMagnitudeNeedsConfirm() {
        put("patent_applications/430613/2017", null, "36553", false).statusCode(201);
        var refusal = put("patent_applications/430613/2017", "\"1\"", "3655300", false);
        refused(refusal, "revision-jump");
        refusal.body("errors[0].message", containsString("confirm=true"))
                .body("errors[0].message", containsString("100"));
        given().get("/api/v1/indicators/patent_applications/observations/430613/2017")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("value", equalTo(36553));
        // a stale ETag is said before the jump
        put("patent_applications/430613/2017", "\"5\"", "3655300", false).statusCode(412);
        put("patent_applications/430613/2017", "\"1\"", "3655300", true)
                .statusCode(200)
                .body("value", equalTo(3655300));
        // a revision of an ordinary size needs no confirmation
        put("patent_applications/430613/2017", "\"2\"", "3700000", false).statusCode(200);
    }

    @Test
    void confirmIsDocumented() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/indicators/{code}/observations/{region}/{period}'.put.parameters.find { it.name == 'confirm' }"
                                + ".schema.type",
                        equalTo("boolean"))
                .body(
                        "paths.'/api/v1/indicators/{code}/observations/{region}/{period}'.put.responses.'422'.description",
                        containsString("revision-jump"));
    }
}
