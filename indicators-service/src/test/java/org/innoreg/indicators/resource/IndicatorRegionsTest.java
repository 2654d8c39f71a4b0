package org.innoreg.indicators.resource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.testsupport.RegistryRegions;
import org.junit.jupiter.api.Test;

/**
 * A region code names a region of the registry (its seed, or one created since, through its event
 * on registry.region.v1), or the request is refused: a filter 400 naming it, a path 404, a body
 * 422, and nothing is stored.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class IndicatorRegionsTest {

    /** Well-formed (GB/T 2260 shape), but no region of the registry. */
    private static final String NONE = RegistryRegions.NONE;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String target(String region) {
        return """
                {"indicator":"patent_applications","region":"%s","kind":"LEVEL","targetValue":12000,
                 "targetPeriod":"2020","plan":"regions test"}"""
                .formatted(region);
    }

    @Test
    void aFilterNamingNoRegionIsA400NamingTheParameter() {
        RegistryRegions.assertUnknownRegionRefused(
                "/api/v1/targets", "/api/v1/indicators/patent_applications/series");
        given().queryParam("region", "430700").get("/api/v1/targets").then().statusCode(200);
        given().queryParam("region", "430400")
                .get("/api/v1/indicators/patent_applications/series")
                .then()
                .statusCode(200);
    }

    @Test
    void aPathNamingNoRegionIsA404() {
        given().get("/api/v1/scorecards/" + NONE)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:innoreg:problem:not-found"))
                .body("detail", equalTo("region 430799 does not exist"));
        given().get("/api/v1/scorecards/430700").then().statusCode(200);

        String cell = "/api/v1/indicators/patent_applications/observations/" + NONE + "/2017";
        given().contentType(ContentType.JSON)
                .body("{\"value\":36000,\"status\":\"FINAL\"}")
                .put(cell)
                .then()
                .statusCode(404)
                .body("detail", equalTo("region 430799 does not exist"));
        given().get(cell).then().statusCode(404);
    }

    @Test
    void aBodyNamingNoRegionIsA422AndStoresNothing() {
        given().contentType(ContentType.JSON)
                .body(target(NONE))
                .post("/api/v1/targets")
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:innoreg:problem:unprocessable"))
                .body("errors[0].field", equalTo("region"))
                .body("errors[0].message", equalTo("region 430799 does not exist"));
        given().get("/api/v1/targets")
                .then()
                .statusCode(200)
                .body(
                        "items.region",
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(NONE)));
    }

    /**
     * A region the registry creates after this service started is refused until its event is
     * applied, then accepted in paths, filters and bodies.
     */
    @Test
    void aRegionCreatedLaterIsKnownOnceItsEventArrives() {
        String created = "439802";
        given().get("/api/v1/scorecards/" + created).then().statusCode(404);

        RegistryRegions.create(
                bootstrapServers,
                region -> given().get("/api/v1/scorecards/" + region).statusCode(),
                created);

        given().queryParam("region", created).get("/api/v1/targets").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(target(created))
                .post("/api/v1/targets")
                .then()
                .statusCode(201)
                .body("region", equalTo(created));
        given().contentType(ContentType.JSON)
                .body("{\"value\":36000,\"status\":\"FINAL\"}")
                .put("/api/v1/indicators/patent_applications/observations/" + created + "/2017")
                .then()
                .statusCode(201);
    }
}
