package org.innoreg.registry.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.innoreg.registry.support.Fixtures.organization;
import static org.innoreg.registry.support.Fixtures.platform;
import static org.innoreg.registry.support.Fixtures.unique;
import static org.innoreg.registry.support.Fixtures.uscc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.testsupport.SecurityMatrix;
import org.innoreg.testsupport.SecurityMatrix.Recipe;
import org.innoreg.testsupport.TestTokens;
import org.innoreg.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * Who may write what, with real RS256 tokens: every write operation of the service's OpenAPI
 * document × every way to be refused, then the region scope and the audit trail of the writes that
 * are allowed.
 */
@QuarkusTest
class WriteSecurityTest {

    private static final String EDITOR = "registry-editor";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    private static String changde(String subject) {
        return TestTokens.token(subject, List.of(EDITOR), List.of("430700"));
    }

    @Test
    void everyWriteOperationRefusesEveryBadCallerAndChangesNothing() throws Exception {
        String admin = bearer(TestTokens.admin());
        String host =
                given().header("Authorization", admin)
                        .contentType(ContentType.JSON)
                        .body(organization(uscc("430703"), unique("矩阵依托单位"), "430703"))
                        .post("/api/v1/organizations")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        String platform =
                given().header("Authorization", admin)
                        .contentType(ContentType.JSON)
                        .body(
                                platform(
                                        unique("矩阵孵化器"),
                                        "TECH_BUSINESS_INCUBATOR",
                                        "PROVINCIAL",
                                        "430703",
                                        null))
                        .post("/api/v1/platforms")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");

        String orgCsv =
                "统一社会信用代码,名称,类型,地区代码\n" + uscc("430703") + "," + unique("矩阵导入") + ",企业,430703\n";
        String platformCsv = "名称,类型,级别,地区代码\n" + unique("矩阵导入平台") + ",重点实验室,省级,430703\n";
        Map<String, Recipe> recipes =
                Map.of(
                        "createOrganization",
                                Recipe.json(
                                        "/api/v1/organizations",
                                        organization(uscc("430703"), unique("矩阵企业"), "430703"),
                                        EDITOR,
                                        "projects-editor",
                                        "430703"),
                        "updateOrganization",
                                Recipe.json(
                                                "/api/v1/organizations/" + host,
                                                organization(
                                                        uscc("430703"), unique("矩阵企业改名"), "430703"),
                                                EDITOR,
                                                "reader",
                                                "430703")
                                        .header("If-Match", "\"1\""),
                        "deleteOrganization",
                                new Recipe(
                                        "/api/v1/organizations/" + host,
                                        null,
                                        null,
                                        Map.of("If-Match", "\"1\""),
                                        EDITOR,
                                        "indicators-editor",
                                        "430703"),
                        "importOrganizations",
                                new Recipe(
                                        "/api/v1/organizations/import",
                                        "text/csv; charset=UTF-8",
                                        orgCsv,
                                        Map.of(),
                                        EDITOR,
                                        "reader",
                                        "430703"),
                        "createPlatform",
                                Recipe.json(
                                        "/api/v1/platforms",
                                        platform(
                                                unique("矩阵平台"),
                                                "KEY_LABORATORY",
                                                "PROVINCIAL",
                                                "430703",
                                                null),
                                        EDITOR,
                                        "reader",
                                        "430703"),
                        "updatePlatform",
                                Recipe.json(
                                                "/api/v1/platforms/" + platform,
                                                platform(
                                                        unique("矩阵平台改名"),
                                                        "TECH_BUSINESS_INCUBATOR",
                                                        "NATIONAL",
                                                        "430703",
                                                        null),
                                                EDITOR,
                                                "projects-editor",
                                                "430703")
                                        .header("If-Match", "\"1\""),
                        "deletePlatform",
                                new Recipe(
                                        "/api/v1/platforms/" + platform,
                                        null,
                                        null,
                                        Map.of("If-Match", "\"1\""),
                                        EDITOR,
                                        "reader",
                                        "430703"),
                        "importPlatforms",
                                new Recipe(
                                        "/api/v1/platforms/import",
                                        "text/csv; charset=UTF-8",
                                        platformCsv,
                                        Map.of(),
                                        EDITOR,
                                        "reader",
                                        "430703"),
                        // Region definitions follow the national standard: admin only, not bound to
                        // one region.
                        "createRegion",
                                Recipe.json(
                                        "/api/v1/regions",
                                        "{\"code\":\"430788\",\"nameZh\":\"矩阵新区\",\"nameEn\":\"Matrix New Area\",\"level\":\"SPECIAL_AREA\",\"parentCode\":\"430700\"}",
                                        "admin",
                                        EDITOR,
                                        null));

        var result = SecurityMatrix.runOnService("registry", recipes);
        assertThat(result.requests()).isGreaterThanOrEqualTo(9 * 7);
    }

    /**
     * An Idempotency-Key is its caller's: another bureau sending the same request with the same key
     * is refused as itself, not answered with the first bureau's response.
     */
    @Test
    void anotherCallersRequestWithTheSameIdempotencyKeyIsItsOwnRequest() {
        String key = unique("shared-key-");
        String body =
                platform(unique("鼎城幂等孵化器"), "TECH_BUSINESS_INCUBATOR", "MUNICIPAL", "430703", null);
        given().header("Authorization", bearer(changde("changde-bureau")))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/platforms")
                .then()
                .statusCode(201);
        given().header(
                        "Authorization",
                        bearer(
                                TestTokens.token(
                                        "hengyang-bureau", List.of(EDITOR), List.of("430400"))))
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/platforms")
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:innoreg:problem:region-forbidden"));
    }

    @Test
    void aChangdeBureauWritesInDingchengButNotInHengyangNorMovesARecordThere() {
        String token = bearer(changde("changde-bureau"));
        String id =
                given().header("Authorization", token)
                        .contentType(ContentType.JSON)
                        .body(
                                platform(
                                        unique("鼎城孵化器"),
                                        "TECH_BUSINESS_INCUBATOR",
                                        "MUNICIPAL",
                                        "430703",
                                        null))
                        .post("/api/v1/platforms")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(
                        platform(
                                unique("衡阳孵化器"),
                                "TECH_BUSINESS_INCUBATOR",
                                "MUNICIPAL",
                                "430400",
                                null))
                .post("/api/v1/platforms")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:innoreg:problem:region-forbidden"))
                .body("region", equalTo("430400"));
        given().header("Authorization", token)
                .header("If-Match", "\"1\"")
                .contentType(ContentType.JSON)
                .body(
                        platform(
                                unique("搬家"),
                                "TECH_BUSINESS_INCUBATOR",
                                "MUNICIPAL",
                                "430400",
                                null))
                .put("/api/v1/platforms/" + id)
                .then()
                .statusCode(403)
                .body("type", equalTo("urn:innoreg:problem:region-forbidden"));
        given().get("/api/v1/platforms/" + id)
                .then()
                .statusCode(200)
                .body("regionCode", equalTo("430703"))
                .body("version", equalTo(1));
        // Importing another region's rows is for admins only; nothing of the file is imported.
        String name = unique("衡阳导入");
        given().header("Authorization", token)
                .contentType("text/csv; charset=UTF-8")
                .body(
                        "名称,类型,级别,地区代码\n"
                                + unique("常德导入")
                                + ",重点实验室,省级,430703\n"
                                + name
                                + ",重点实验室,省级,430400\n")
                .queryParam("dryRun", false)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("admin"));
        given().queryParam("q", name)
                .get("/api/v1/platforms")
                .then()
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void everyChangeRecordsItsAuthorInTheHistoryAndInTheEvent() {
        String id =
                given().header("Authorization", bearer(changde("changde-zhang")))
                        .contentType(ContentType.JSON)
                        .body(
                                platform(
                                        unique("审计孵化器"),
                                        "TECH_BUSINESS_INCUBATOR",
                                        "MUNICIPAL",
                                        "430702",
                                        null))
                        .post("/api/v1/platforms")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().header("Authorization", bearer(changde("changde-li")))
                .header("If-Match", "\"1\"")
                .contentType(ContentType.JSON)
                .body(
                        platform(
                                unique("审计孵化器升级"),
                                "TECH_BUSINESS_INCUBATOR",
                                "PROVINCIAL",
                                "430702",
                                null))
                .put("/api/v1/platforms/" + id)
                .then()
                .statusCode(200);

        given().get("/api/v1/platforms/" + id + "/changes")
                .then()
                .statusCode(200)
                .body("items.action", contains("created", "updated"))
                .body("items.actor", contains("changde-zhang", "changde-li"))
                .body("items.version", contains(1, 2));
        List<JsonNode> events =
                TopicReader.readUntil(
                                bootstrapServers,
                                "registry.platform.v1",
                                Duration.ofSeconds(20),
                                read -> read.stream().filter(m -> id.equals(m.key())).count() >= 2)
                        .stream()
                        .filter(m -> id.equals(m.key()))
                        .map(m -> json(m.value()))
                        .toList();
        // The author is a CloudEvents extension attribute, not part of the data.
        assertThat(events)
                .extracting(e -> e.path("actor").asText())
                .containsExactly("changde-zhang", "changde-li");
        assertThat(events).allSatisfy(e -> assertThat(e.path("data").has("actor")).isFalse());
    }

    @Test
    void aTokenMintedByTheLaunchersCliIsAccepted() throws Exception {
        // deploy/token signs with the suite's key; here with the test key the service under test
        // trusts.
        java.nio.file.Path key = java.nio.file.Files.createTempFile("innoreg-test-key", ".pem");
        try (var in =
                getClass().getClassLoader().getResourceAsStream("innoreg-test-jwt/private.pem")) {
            java.nio.file.Files.copy(in, key, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ProcessBuilder builder =
                new ProcessBuilder(
                        "bash",
                        "../deploy/token",
                        "--sub",
                        "cli-user",
                        "--roles",
                        "registry-editor",
                        "--regions",
                        "430700");
        builder.environment().put("INNOREG_JWT_PRIVATE_KEY", key.toString());
        Process process = builder.start();
        String token = new String(process.getInputStream().readAllBytes()).strip();
        assertThat(process.waitFor())
                .as(new String(process.getErrorStream().readAllBytes()))
                .isZero();
        java.nio.file.Files.delete(key);

        String id =
                given().header("Authorization", bearer(token))
                        .contentType(ContentType.JSON)
                        .body(
                                platform(
                                        unique("命令行孵化器"),
                                        "MAKER_SPACE",
                                        "MUNICIPAL",
                                        "430702",
                                        null))
                        .post("/api/v1/platforms")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().get("/api/v1/platforms/" + id + "/changes")
                .then()
                .body("items.actor", contains("cli-user"));
        given().header("Authorization", bearer(token))
                .contentType(ContentType.JSON)
                .body(platform(unique("命令行衡阳"), "MAKER_SPACE", "MUNICIPAL", "430400", null))
                .post("/api/v1/platforms")
                .then()
                .statusCode(403);
    }

    @Test
    void aTokenSentToAReadIsVerifiedToo() {
        String expired =
                bearer(TestTokens.expired("late-reader", List.of(EDITOR), List.of("430700")));
        for (String path :
                List.of("/api/v1/platforms", "/api/v1/organizations", "/api/v1/regions/430700")) {
            given().header("Authorization", expired)
                    .get(path)
                    .then()
                    .statusCode(401)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:innoreg:problem:token-expired"));
            given().header("Authorization", "Bearer not-a-jwt")
                    .get(path)
                    .then()
                    .statusCode(401)
                    .body("type", equalTo("urn:innoreg:problem:token-malformed"));
            given().header("Authorization", bearer(changde("reader")))
                    .get(path)
                    .then()
                    .statusCode(200);
            given().get(path).then().statusCode(200);
        }
    }
}
