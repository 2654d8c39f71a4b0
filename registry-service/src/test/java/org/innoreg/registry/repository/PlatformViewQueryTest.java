package org.innoreg.registry.repository;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.innoreg.registry.support.Fixtures.createOrganization;
import static org.innoreg.registry.support.Fixtures.platform;
import static org.innoreg.registry.support.Fixtures.unique;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * GET by id reads the view straight from SQL (PlatformViewQuery); everything else maps the entity
 * (PlatformMapper.toView). Both must show the same platform to the byte, for every kind of
 * platform.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class PlatformViewQueryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void getByIdShowsWhatTheEntityShows() throws Exception {
        String tag = unique("视图");
        String hostA = createOrganization(tag + "甲公司", "430702");
        String hostB = createOrganization(tag + "乙公司", "430702");
        List<String> bodies =
                List.of(
                        platform(
                                tag + "院士工作站",
                                "ACADEMICIAN_WORKSTATION",
                                "PROVINCIAL",
                                "430702",
                                """
                        "nameEn":"Workstation","aliases":["别名一","别名二"],"hostIds":["%s","%s"],"fields":["新材料","生物医药"],
                        "accreditedOn":"2019-03-01","accreditationNo":"湘科发〔2019〕12号",
                        "detail":{"academicians":[{"name":"张三","academy":"CAS","field":"化学"},{"name":"李四","academy":"CAE"}],
                                  "partnerEnterprise":"某企业"}"""
                                        .formatted(hostB, hostA)),
                        platform(
                                tag + "孵化器",
                                "TECH_BUSINESS_INCUBATOR",
                                "NATIONAL",
                                "430702",
                                """
                        "detail":{"floorAreaM2":12500.5,"tenants":80,"graduates":12}"""),
                        platform(
                                tag + "实验室",
                                "KEY_LABORATORY",
                                "MUNICIPAL",
                                "430702",
                                "\"status\":\"UNDER_REVIEW\""));
        for (String body : bodies) {
            String created =
                    given().contentType(ContentType.JSON)
                            .body(body)
                            .post("/api/v1/platforms")
                            .then()
                            .statusCode(201)
                            .extract()
                            .asString();
            JsonNode entity = JSON.readTree(created);
            String id = entity.path("id").asText();
            JsonNode byId =
                    JSON.readTree(
                            given().get("/api/v1/platforms/" + id)
                                    .then()
                                    .statusCode(200)
                                    .header("ETag", "\"1\"")
                                    .extract()
                                    .asString());
            JsonNode listed =
                    JSON.readTree(
                                    given().queryParam("q", entity.path("nameZh").asText())
                                            .get("/api/v1/platforms")
                                            .then()
                                            .statusCode(200)
                                            .extract()
                                            .asString())
                            .path("items")
                            .get(0);
            assertThat(listed.path("id").asText()).isEqualTo(id);
            assertThat(byId).as("GET by id vs the list (entity read back)").isEqualTo(listed);
            // the create answer keeps the hosts in the order given; reads list them by id
            assertThat(withSortedHosts(byId))
                    .as("GET by id vs the create answer")
                    .isEqualTo(withSortedHosts(entity));
        }
        // every kind of filter value reaches the SQL as a parameter of its type
        given().queryParam("host", hostA)
                .queryParam("field", "新材料")
                .queryParam("region", "430700")
                .queryParam("accreditedFrom", "2019-01-01")
                .queryParam("accreditedTo", "2019-12-31")
                .queryParam("changedSince", "2020-01-01T00:00:00Z")
                .get("/api/v1/platforms")
                .then()
                .statusCode(200)
                .body("items.nameZh", contains(tag + "院士工作站"));
        given().queryParam("q", tag)
                .queryParam("status", "UNDER_REVIEW")
                .queryParam("type", "KEY_LABORATORY")
                .queryParam("type", "MAKER_SPACE")
                .queryParam("level", "MUNICIPAL")
                .get("/api/v1/platforms")
                .then()
                .statusCode(200)
                .body("items.nameZh", contains(tag + "实验室"));
    }

    private static JsonNode withSortedHosts(JsonNode platform) {
        ObjectNode copy = platform.deepCopy();
        List<String> sorted = new ArrayList<>();
        platform.path("hostIds").forEach(host -> sorted.add(host.asText()));
        Collections.sort(sorted);
        ArrayNode hosts = copy.putArray("hostIds");
        sorted.forEach(hosts::add);
        return copy;
    }
}
