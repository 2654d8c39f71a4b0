package org.innoreg.indicators;

import static io.restassured.RestAssured.given;

import org.innoreg.testsupport.RegistryRegions;

/**
 * Regions beyond the registry's seed that tests name: created in the registry, as this service
 * learns it (the region's event on registry.region.v1), and known once a scorecard answers.
 */
public final class TestRegions {

    private TestRegions() {}

    public static void known(String bootstrapServers, String... codes) {
        RegistryRegions.create(
                bootstrapServers,
                region -> given().get("/api/v1/scorecards/" + region).statusCode(),
                codes);
    }
}
