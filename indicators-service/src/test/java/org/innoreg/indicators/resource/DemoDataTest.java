package org.innoreg.indicators.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher's loader of the seeds' targets and figures (deploy/demo/load_indicators.py), run
 * against this service: everything is accepted, a second run changes nothing, and the scorecards
 * say "no data" where the seeds report no actual value (platform targets are counted from the
 * registry's events instead).
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class DemoDataTest {

    private static final Path LOADER = Path.of("..", "deploy", "demo", "load_indicators.py");

    private static String runLoader() throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder("python3", LOADER.toString()).redirectErrorStream(true);
        builder.environment().put("INNOREG_INDICATORS_URL", "http://127.0.0.1:" + RestAssured.port);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void theSeedsTargetsLoadOnceAndShowNoDataWhereNoFigureIsReported() throws Exception {
        assertThat(runLoader()).contains("observations 201: 2", "targets 201: 18");
        assertThat(runLoader()).contains("observations 200: 2", "targets 409: 18");

        // Reported figures the seeds do not give: NO_DATA. Platform targets are derived counts from
        // the
        // registry's events: with no Changde platform on record (this service alone), each reads 0
        // in 2020.
        String fromRegistry =
                "it.target.indicator.startsWith('platforms') || it.target.indicator == 'academician_and_postdoctoral_stations'";
        given().queryParam("asOf", "2020-12-31")
                .get("/api/v1/scorecards/430700")
                .then()
                .statusCode(200)
                .body("items", hasSize(10))
                .body(
                        "items.findAll { !(" + fromRegistry + ") }.status",
                        everyItem(equalTo("NO_DATA")))
                .body("items.findAll { " + fromRegistry + " }", hasSize(4))
                .body(
                        "items.findAll { " + fromRegistry + " }.status",
                        everyItem(equalTo("OFF_TRACK")))
                .body("items.findAll { " + fromRegistry + " }.value", everyItem(equalTo(0)));
        given().queryParam("asOf", "2020-12-31")
                .get("/api/v1/scorecards/110112")
                .then()
                .statusCode(200)
                .body("items", hasSize(7));
        given().get("/api/v1/scorecards/430400")
                .then()
                .body("items", hasSize(1))
                .body("items[0].target.indicator", equalTo("high_tech_enterprises"))
                .body("items[0].status", equalTo("NO_DATA"));
        given().get("/api/v1/indicators/patent_applications_total/observations/430400/2017")
                .then()
                .statusCode(200)
                .body("value", equalTo(36553))
                .body("status", equalTo("FINAL"));
    }
}
