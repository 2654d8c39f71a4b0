package org.innoreg.indicators.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class IndicatorResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void seededIndicatorsAreListed() {
        given().get("/api/v1/indicators")
                .then()
                .statusCode(200)
                .body(
                        "items.code",
                        hasItems(
                                "rd_spending",
                                "gdp",
                                "patent_applications",
                                "high_tech_enterprises"));
        given().get("/api/v1/indicators/patent_applications")
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("unit", equalTo("COUNT"))
                .body("nameZh", equalTo("专利申请量"));
    }

    @Test
    void definingAReportedIndicatorEmitsOneEvent() {
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"code":"rd_personnel","nameZh":"研发人员数","nameEn":"R&D personnel",
                 "unit":"COUNT","frequency":"ANNUAL","source":"Statistics bureau"}
                """)
                .post("/api/v1/indicators")
                .then()
                .statusCode(201)
                .body("kind", equalTo("REPORTED"));

        var events =
                TopicReader.readUntil(
                                bootstrapServers,
                                "indicators.indicator.v1",
                                Duration.ofSeconds(30),
                                read -> read.stream().anyMatch(m -> "rd_personnel".equals(m.key())))
                        .stream()
                        .filter(m -> "rd_personnel".equals(m.key()))
                        .toList();
        assertThat(events).hasSize(1);
        assertThat(events.get(0).value()).contains("org.innoreg.indicators.indicator.created");
    }

    @Test
    void badInputIsAProblem() {
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"code":"Bad Code","nameZh":"x","nameEn":"x","unit":"FURLONGS","frequency":"ANNUAL"}
                """)
                .post("/api/v1/indicators")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("unit"));
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"code":"Bad Code","nameZh":"x","nameEn":"x","unit":"COUNT","frequency":"ANNUAL"}
                """)
                .post("/api/v1/indicators")
                .then()
                .statusCode(400)
                .body("errors.field", contains("code"));
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"code":"gdp","nameZh":"x","nameEn":"x","unit":"COUNT","frequency":"ANNUAL"}
                """)
                .post("/api/v1/indicators")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().get("/api/v1/indicators/no_such_thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("kind", "imagined")
                .get("/api/v1/indicators")
                .then()
                .statusCode(400)
                .body("errors.field", contains("kind"));
    }
}
