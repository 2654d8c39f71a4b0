package org.innoreg.registry.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innoreg.registry.support.Fixtures;
import org.innoreg.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The registry's document says what the service answers (the chassis's OASFilter, OpenApiDefaults):
 * checked against the live document and live answers, so a generated client or a validating proxy
 * meets no surprise.
 */
@QuarkusTest
class OpenApiContractTest {

    private static JsonPath document() {
        return given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void readableStableNames() {
        JsonPath doc = document();
        assertThat(doc.getString("paths.'/api/v1/platforms'.get.operationId"))
                .isEqualTo("listPlatforms");
        assertThat(doc.getString("paths.'/api/v1/platforms/{id}'.get.operationId"))
                .isEqualTo("getPlatform");
        assertThat(doc.getString("paths.'/api/v1/platforms/{id}'.put.operationId"))
                .isEqualTo("updatePlatform");
        assertThat(
                        doc.getString(
                                "paths.'/api/v1/platforms'.get.responses.'200'.content.'application/json'.schema.'$ref'"))
                .isEqualTo("#/components/schemas/PlatformPage");
        Map<String, Object> schemas = doc.getMap("components.schemas");
        assertThat(schemas.keySet())
                .noneMatch(name -> name.matches(".*[0-9]$"))
                .doesNotContain("JsonNode", "JsonNodeType");
        List<String> ids = new ArrayList<>();
        doc.getMap("paths")
                .values()
                .forEach(
                        item ->
                                ((Map<?, ?>) item)
                                        .values()
                                        .forEach(
                                                operation ->
                                                        ids.add(
                                                                String.valueOf(
                                                                        ((Map<?, ?>) operation)
                                                                                .get(
                                                                                        "operationId")))));
        assertThat(ids).doesNotHaveDuplicates().noneMatch(id -> id.contains("_"));
    }

    @Test
    void aNullTheServiceWritesIsAllowedByTheSchema() {
        // an organisation without an English name answers "nameEn": null
        Response created =
                given().contentType("application/json")
                        .header("Authorization", "Bearer " + TestTokens.admin())
                        .body(
                                "{\"uscc\":\"%s\",\"nameZh\":\"契约测试企业\",\"kind\":\"ENTERPRISE\",\"regionCode\":\"430702\"}"
                                        .formatted(Fixtures.uscc("430702")))
                        .post("/api/v1/organizations");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.jsonPath().getMap("").containsKey("nameEn"))
                .as("the field is written, as null")
                .isTrue();
        assertThat(created.jsonPath().getString("nameEn")).isNull();
        JsonPath doc = document();
        assertThat(doc.getList("components.schemas.Organization.properties.nameEn.type"))
                .contains("string", "null");
        assertThat(doc.getList("components.schemas.Platform.properties.accreditedOn.type"))
                .contains("string", "null");
        assertThat(doc.getString("components.schemas.Platform.properties.accreditedOn.format"))
                .isEqualTo("date");
        assertThat(doc.getString("components.schemas.Platform.properties.level.anyOf[0].'$ref'"))
                .endsWith("/PlatformLevel");
        assertThat(doc.getString("components.schemas.Platform.properties.level.anyOf[1].type"))
                .isEqualTo("null");
    }

    @Test
    void theHeadersAndStatusesAnUpdateAnswersAreDeclared() {
        JsonPath doc = document();
        String put = "paths.'/api/v1/platforms/{id}'.put.";
        assertThat(doc.getMap(put + "responses").keySet())
                .contains("400", "401", "403", "404", "412", "415", "428");
        assertThat(doc.getBoolean(put + "parameters.find { it.name == 'If-Match' }.required"))
                .isTrue();
        assertThat(doc.getMap(put + "responses.'200'.headers")).containsKey("ETag");
        assertThat(doc.getMap("paths.'/api/v1/platforms'.post.responses.'201'.headers"))
                .containsKeys("ETag", "Location");
        assertThat(
                        doc.getInt(
                                put
                                        + "responses.'428'.content.'application/problem+json'.example.status"))
                .isEqualTo(428);
        assertThat(
                        doc.getString(
                                put
                                        + "responses.'404'.content.'application/problem+json'.example.instance"))
                .startsWith("/api/v1/platforms/");

        // and the service does answer so: 428 without If-Match, 412 with a stale one, 404 for an
        // unknown id, ETag as declared
        Response created =
                given().contentType("application/json")
                        .header("Authorization", "Bearer " + TestTokens.admin())
                        .body(PLATFORM.formatted("契约测试平台二"))
                        .post("/api/v1/platforms");
        assertThat(created.statusCode()).isEqualTo(201);
        String etagPattern = doc.getString(put + "responses.'200'.headers.ETag.schema.pattern");
        assertThat(created.header("ETag")).matches(etagPattern);
        String path = "/api/v1/platforms/" + created.jsonPath().getString("id");
        given().contentType("application/json")
                .header("Authorization", "Bearer " + TestTokens.admin())
                .body(PLATFORM.formatted("契约测试平台二"))
                .put(path)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        given().contentType("application/json")
                .header("Authorization", "Bearer " + TestTokens.admin())
                .header("If-Match", "\"99\"")
                .body(PLATFORM.formatted("契约测试平台二"))
                .put(path)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        given().get("/api/v1/platforms/00000000-0000-4000-8000-000000000000")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/regions/430700")
                .then()
                .statusCode(200)
                .header("ETag", org.hamcrest.Matchers.matchesPattern(etagPattern));
    }

    private static final String PLATFORM =
            "{\"nameZh\":\"%s\",\"type\":\"KEY_LABORATORY\",\"level\":\"MUNICIPAL\",\"regionCode\":\"430702\"}";

    @Test
    void optionalFiltersCarryNoExampleSwaggerUiWouldSend() {
        JsonPath doc = document();
        List<Map<String, Object>> parameters =
                doc.getList("paths.'/api/v1/platforms'.get.parameters");
        assertThat(parameters)
                .allSatisfy(
                        parameter ->
                                assertThat(parameter).doesNotContainKeys("example", "examples"));
        assertThat(parameters)
                .filteredOn(p -> "region".equals(p.get("name")))
                .singleElement()
                .satisfies(p -> assertThat((String) p.get("description")).contains("430700"));
        assertThat(
                        doc.getString(
                                "paths.'/api/v1/platforms'.get.parameters.find { it.name == 'region' }.schema.pattern"))
                .startsWith("^")
                .endsWith("$");
    }
}
