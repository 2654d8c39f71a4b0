package org.innoreg.indicators.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * Observations: recorded, revised with the old value kept, read as known at a time, exported as
 * SDMX-CSV.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ObservationResourceTest {

    /** The regions beyond the registry's seed that these tests name. */
    @org.junit.jupiter.api.BeforeEach
    void regions() {
        org.innoreg.indicators.TestRegions.known(bootstrapServers, "430401");
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static io.restassured.response.ValidatableResponse put(
            String path, String ifMatch, String body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put(url(path)).then();
    }

    /** "code/region/period" → the cell's URL. */
    private static String url(String cell) {
        String[] parts = cell.split("/", 2);
        return "/api/v1/indicators/" + parts[0] + "/observations/" + parts[1];
    }

    @Test
    void aRevisionKeepsTheOldValueAndAsOfReadsWhatWasKnown() throws Exception {
        String cell = "patent_applications/430401/2017";
        put(
                        cell,
                        null,
                        "{\"value\":36000,\"status\":\"PROVISIONAL\",\"source\":\"first estimate\"}")
                .statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .body("value", equalTo(36000));
        OffsetDateTime between = OffsetDateTime.now();
        Thread.sleep(20);
        put(cell, null, "{\"value\":36553,\"status\":\"FINAL\"}").statusCode(428);
        put(cell, "\"9\"", "{\"value\":36553,\"status\":\"FINAL\"}").statusCode(412);
        put(
                        cell,
                        "\"1\"",
                        "{\"value\":36553,\"status\":\"FINAL\",\"source\":\"Hengyang seed 004\"}")
                .statusCode(200)
                .header("ETag", equalTo("\"2\""));
        put(
                        cell,
                        "\"2\"",
                        "{\"value\":36553.000,\"status\":\"FINAL\",\"source\":\"Hengyang seed 004\"}")
                .statusCode(200)
                .header("ETag", equalTo("\"2\""));

        given().get(url(cell) + "/revisions")
                .then()
                .statusCode(200)
                .body("items.value", contains(36000, 36553))
                .body("items.status", contains("PROVISIONAL", "FINAL"));
        given().queryParam("region", "430401")
                .get("/api/v1/indicators/patent_applications/series")
                .then()
                .body("items.value", contains(36553));
        given().queryParam("region", "430401")
                .queryParam("asOf", between.toString())
                .get("/api/v1/indicators/patent_applications/series")
                .then()
                .body("items.value", contains(36000))
                .body("items.status", contains("PROVISIONAL"));
        given().queryParam("region", "430401")
                .queryParam("changedSince", OffsetDateTime.now().plusDays(1).toString())
                .get("/api/v1/indicators/patent_applications/series")
                .then()
                .body("items.size()", equalTo(0));

        List<String> events =
                TopicReader.readUntil(
                                bootstrapServers,
                                "indicators.observation.v1",
                                Duration.ofSeconds(30),
                                read ->
                                        read.stream().filter(m -> cell.equals(m.key())).count()
                                                >= 2)
                        .stream()
                        .filter(m -> cell.equals(m.key()))
                        .map(TopicReader.Message::value)
                        .toList();
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).contains("observation.recorded");
        assertThat(events.get(1)).contains("observation.revised", "\"value\":36553");
    }

    @Test
    void seriesInPeriodOrderAsSdmxCsv() {
        for (String year : List.of("2018", "2016", "2017")) {
            put(
                            "rd_spending/430702/" + year,
                            null,
                            "{\"value\":"
                                    + year.substring(2)
                                    + ".5,\"status\":\""
                                    + (year.equals("2018") ? "PROVISIONAL" : "FINAL")
                                    + "\"}")
                    .statusCode(201);
        }
        given().queryParam("region", "430702")
                .queryParam("from", "2017")
                .get("/api/v1/indicators/rd_spending/series")
                .then()
                .body("items.period", contains("2017", "2018"));
        String sdmx =
                given().queryParam("region", "430702")
                        .queryParam("format", "sdmx-csv")
                        .get("/api/v1/indicators/rd_spending/series")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(sdmx.lines().toList())
                .containsExactly(
                        "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS",
                        "dataflow,INNOREG:RD_SPENDING(1.0),I,430702,2016,16.5,RMB_100M,A",
                        "dataflow,INNOREG:RD_SPENDING(1.0),I,430702,2017,17.5,RMB_100M,A",
                        "dataflow,INNOREG:RD_SPENDING(1.0),I,430702,2018,18.5,RMB_100M,P");
        String csv =
                given().queryParam("region", "430702")
                        .queryParam("format", "csv")
                        .get("/api/v1/indicators/rd_spending/series")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(csv.lines().findFirst())
                .hasValue("indicator,region,period,value,status,recordedAt");
        assertThat(csv.lines().skip(1).findFirst().orElseThrow()) // recordedAt in RFC 3339, UTC
                .matches(
                        "rd_spending,430702,2016,16\\.5,FINAL,\"?\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\"?");

        // the same columns as a workbook: the value a number cell, region and period text cells
        List<List<Object>> sheet =
                org.innoreg.testsupport.Workbooks.read(
                        given().queryParam("region", "430702")
                                .queryParam("format", "xlsx")
                                .get("/api/v1/indicators/rd_spending/series")
                                .then()
                                .statusCode(200)
                                .contentType(
                                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                                .extract()
                                .asByteArray());
        assertThat(sheet.get(0))
                .containsExactly("indicator", "region", "period", "value", "status", "recordedAt");
        assertThat(sheet.get(1).subList(0, 5))
                .containsExactly("rd_spending", "430702", "2016", 16.5, "FINAL");
        assertThat(sheet).hasSize(4);
    }

    @Test
    void badCellsAreProblems() {
        put("rd_spending/430702/2018-Q3", null, "{\"value\":1}")
                .statusCode(422)
                .body("errors[0].field", equalTo("period"));
        put("rd_spending/430702/2018-13", null, "{\"value\":1}")
                .statusCode(400)
                .body("errors[0].field", equalTo("period"));
        put("rd_spending/4307/2018", null, "{\"value\":1}")
                .statusCode(400)
                .body("errors[0].field", equalTo("region"));
        put("rd_spending/430702/2019", null, "{\"value\":\"lots\"}")
                .statusCode(400)
                .body("errors[0].field", equalTo("value"));
        put("rd_spending/430702/2019", null, "{}")
                .statusCode(400)
                .body("errors[0].field", equalTo("value"));
        put("no_such/430702/2019", null, "{\"value\":1}").statusCode(404);
        given().get("/api/v1/indicators/rd_spending/observations/430702/1999")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("format", "xml")
                .get("/api/v1/indicators/rd_spending/series")
                .then()
                .statusCode(400);
        given().queryParam("asOf", "yesterday")
                .get("/api/v1/indicators/rd_spending/series")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
        // The definitions endpoints still answer beside the observation ones.
        given().get("/api/v1/indicators/rd_spending")
                .then()
                .statusCode(200)
                .body("code", equalTo("rd_spending"));
    }
}
