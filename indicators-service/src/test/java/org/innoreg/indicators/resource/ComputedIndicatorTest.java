package org.innoreg.indicators.resource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Ratios evaluated from their parts when read: per 10,000 people, share of GDP. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ComputedIndicatorTest {

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** The regions beyond the registry's seed that these tests name. */
    @org.junit.jupiter.api.BeforeEach
    void regions() {
        org.innoreg.indicators.TestRegions.known(bootstrapServers, "430521", "430522", "430523");
    }

    private static void record(
            String code,
            String region,
            String period,
            String value,
            String status,
            String ifMatch) {
        var request =
                given().contentType(ContentType.JSON)
                        .body("{\"value\":" + value + ",\"status\":\"" + status + "\"}");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request.put("/api/v1/indicators/" + code + "/observations/" + region + "/" + period)
                .then()
                .statusCode(ifMatch == null ? 201 : 200);
    }

    @Test
    void inventionPatentsPer10kPeopleFollowTheirPartsAndTheirRevisions() throws Exception {
        String region = "430521";
        record("invention_patents_held", region, "2019", "1900", "FINAL", null);
        record("resident_population", region, "2019", "5820000", "FINAL", null);
        record("invention_patents_held", region, "2020", "2050", "PROVISIONAL", null);
        // 2021: no population yet, so no ratio.
        record("invention_patents_held", region, "2021", "2300", "PROVISIONAL", null);
        record("resident_population", region, "2020", "5790000", "FINAL", null);

        given().get("/api/v1/indicators/invention_patents_per_10k")
                .then()
                .statusCode(200)
                .body("kind", equalTo("COMPUTED"))
                .body("formula.numerator", contains("invention_patents_held"))
                .body("formula.denominator", equalTo("resident_population"))
                .body("formula.scale", equalTo(10000));
        given().queryParam("region", region)
                .get("/api/v1/indicators/invention_patents_per_10k/series")
                .then()
                .statusCode(200)
                .body("items.period", contains("2019", "2020"))
                // 1900 ÷ 5,820,000 × 10,000 = 3.264605 (6 decimals); 2050 ÷ 5,790,000 × 10,000 =
                // 3.540587
                .body("items.value", contains(3.264605f, 3.540587f))
                .body("items.status", contains("FINAL", "PROVISIONAL"));

        OffsetDateTime beforeRevision = OffsetDateTime.now();
        Thread.sleep(20);
        record("resident_population", region, "2020", "5000000", "FINAL", "\"1\"");
        given().queryParam("region", region)
                .queryParam("from", "2020")
                .get("/api/v1/indicators/invention_patents_per_10k/series")
                .then()
                .body("items.value", contains(4.1f));
        given().queryParam("region", region)
                .queryParam("from", "2020")
                .queryParam("asOf", beforeRevision.toString())
                .get("/api/v1/indicators/invention_patents_per_10k/series")
                .then()
                .body("items.value", contains(3.540587f));
        // Changed since the revision: only the cell whose part moved.
        given().queryParam("region", region)
                .queryParam("changedSince", beforeRevision.toString())
                .get("/api/v1/indicators/invention_patents_per_10k/series")
                .then()
                .body("items.period", contains("2020"));
    }

    @Test
    void rdIntensityIsAPercentageAndReadsAsSdmxCsv() {
        String region = "430522";
        record("rd_spending", region, "2020", "45.6", "FINAL", null);
        record("gdp", region, "2020", "1900", "FINAL", null);
        String csv =
                given().queryParam("region", region)
                        .queryParam("format", "sdmx-csv")
                        .get("/api/v1/indicators/rd_intensity/series")
                        .then()
                        .statusCode(200)
                        .contentType("text/csv")
                        .extract()
                        .asString();
        org.assertj.core.api.Assertions.assertThat(csv.lines())
                .containsExactly(
                        "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS",
                        "dataflow,INNOREG:RD_INTENSITY(1.0),I,430522,2020,2.4,PERCENT,A");
    }

    @Test
    void aZeroDenominatorGivesNoValueAndComputedCellsAreNotWritable() {
        String region = "430523";
        record("sci_tech_spending", region, "2020", "3.1", "FINAL", null);
        record("fiscal_expenditure", region, "2020", "0", "FINAL", null);
        given().queryParam("region", region)
                .get("/api/v1/indicators/sci_tech_spending_share/series")
                .then()
                .statusCode(200)
                .body("items", empty());
        given().contentType(ContentType.JSON)
                .body("{\"value\":1.5}")
                .put("/api/v1/indicators/sci_tech_spending_share/observations/" + region + "/2020")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("COMPUTED"));
        given().queryParam("kind", "COMPUTED")
                .get("/api/v1/indicators")
                .then()
                .body("items.code", hasItem("rd_intensity"))
                .body("items.code", hasItem("high_tech_output_share"));
    }
}
