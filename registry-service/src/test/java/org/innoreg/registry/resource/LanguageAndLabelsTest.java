package org.innoreg.registry.resource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.innoreg.registry.support.Fixtures.createPlatform;
import static org.innoreg.registry.support.Fixtures.platform;
import static org.innoreg.registry.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 items 9 and 10 over HTTP: Accept-Language: zh-CN gives Chinese problem texts on a
 * validation error, a 404 and a 412 (types unchanged, Content-Language and Vary said), English
 * otherwise; enum values are taken as code or Chinese label in bodies and filters, and views and
 * stats carry the label beside the code.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class LanguageAndLabelsTest {

    @Test
    void aValidationErrorInChinese() {
        given().header("Accept-Language", "zh-CN")
                .contentType(ContentType.JSON)
                .body(
                        "{\"nameEn\":\"x\",\"type\":\"KEY_LABORATORY\",\"level\":\"NATIONAL\",\"regionCode\":\"43\"}")
                .post("/api/v1/platforms")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .header("Content-Language", "zh-CN")
                .header("Vary", containsString("Accept-Language"))
                .body("type", equalTo("urn:innoreg:problem:validation"))
                .body("title", equalTo("请求无效"))
                .body("detail", equalTo("2 个字段无效"))
                // Hibernate Validator's own zh_CN bundle, and the project's
                // ValidationMessages_zh_CN
                .body("errors.find { it.field == 'nameZh' }.message", equalTo("不能为空"))
                .body(
                        "errors.find { it.field == 'regionCode' }.message",
                        equalTo("必须是六位 GB/T 2260 行政区划代码"));
        given().contentType(ContentType.JSON)
                .body(
                        "{\"nameEn\":\"x\",\"type\":\"KEY_LABORATORY\",\"level\":\"NATIONAL\",\"regionCode\":\"43\"}")
                .post("/api/v1/platforms")
                .then()
                .statusCode(400)
                .header("Content-Language", "en")
                .body("title", equalTo("Invalid request"))
                .body("detail", equalTo("2 fields are invalid"))
                .body("errors.find { it.field == 'nameZh' }.message", equalTo("must not be blank"))
                .body(
                        "errors.find { it.field == 'regionCode' }.message",
                        equalTo("must be a six-digit GB/T 2260 code"));
    }

    @Test
    void aNotFoundInChineseAndQValuesHonoured() {
        String path = "/api/v1/platforms/" + UUID.randomUUID();
        given().header("Accept-Language", "zh-CN")
                .get(path)
                .then()
                .statusCode(404)
                .header("Content-Language", "zh-CN")
                .body("type", equalTo("urn:innoreg:problem:not-found"))
                .body("title", equalTo("未找到"))
                .body("detail", containsString("平台"))
                .body("detail", containsString("不存在"));
        given().header("Accept-Language", "zh")
                .get("/api/v1/regions/439999")
                .then()
                .statusCode(404)
                .body("title", equalTo("未找到"))
                .body("detail", equalTo("地区 439999 不存在"));
        given().header("Accept-Language", "zh;q=0.3, en;q=0.9")
                .get(path)
                .then()
                .statusCode(404)
                .header("Content-Language", "en")
                .body("title", equalTo("Not found"));
        given().header("Accept-Language", "fr, zh-CN;q=0.8, en;q=0.5")
                .get(path)
                .then()
                .statusCode(404)
                .body("title", equalTo("未找到"));
        given().get(path)
                .then()
                .statusCode(404)
                .body("title", equalTo("Not found"))
                .body(
                        "detail",
                        equalTo(
                                "platform "
                                        + path.substring(path.lastIndexOf('/') + 1)
                                        + " does not exist"));
        // a path no resource has: the framework's 404, titled in Chinese all the same
        given().header("Accept-Language", "zh-CN")
                .get("/api/v1/nothing-here")
                .then()
                .statusCode(404)
                .body("title", equalTo("未找到"));
    }

    @Test
    void aStaleIfMatchInChinese() {
        String id =
                createPlatform(unique("常德市重点实验室"), "KEY_LABORATORY", "MUNICIPAL", "430703", null);
        String body = platform(unique("常德市重点实验室"), "KEY_LABORATORY", "MUNICIPAL", "430703", null);
        given().header("Accept-Language", "zh-CN")
                .header("If-Match", "\"7\"")
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/platforms/" + id)
                .then()
                .statusCode(412)
                .header("Content-Language", "zh-CN")
                .header("Vary", containsString("Accept-Language"))
                .body("type", equalTo("urn:innoreg:problem:precondition-failed"))
                .body("title", equalTo("前提条件不满足"))
                .body("detail", equalTo("记录在您读取后已被修改：请重新读取（当前 ETag \"1\"）"))
                .body("currentETag", equalTo("\"1\""));
        given().header("Accept-Language", "zh-CN")
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/platforms/" + id)
                .then()
                .statusCode(428)
                .body("title", equalTo("需要前提条件"));
    }

    @Test
    void chineseLabelsInBodiesAndFiltersAndBesideTheCodes() {
        String name = unique("鼎城区科技企业孵化器");
        String id =
                given().contentType(ContentType.JSON)
                        .body(platform(name, "孵化器", "国家级", "430703", "\"status\":\"有效\""))
                        .post("/api/v1/platforms")
                        .then()
                        .statusCode(201)
                        .body("type", equalTo("TECH_BUSINESS_INCUBATOR"))
                        .body("typeLabel", equalTo("科技企业孵化器"))
                        .body("level", equalTo("NATIONAL"))
                        .body("levelLabel", equalTo("国家级"))
                        .body("status", equalTo("ACTIVE"))
                        .body("statusLabel", equalTo("有效"))
                        .extract()
                        .path("id");
        // the read paths (PlatformViewQuery, on the reactive client) write the same view, labels
        // included
        given().get("/api/v1/platforms/" + id)
                .then()
                .statusCode(200)
                .body("typeLabel", equalTo("科技企业孵化器"))
                .body("levelLabel", equalTo("国家级"));
        given().queryParam("level", "国家级")
                .queryParam("type", "科技企业孵化器")
                .queryParam("q", name)
                .get("/api/v1/platforms")
                .then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("items.find { it.id == '%s' }.statusLabel".formatted(id), equalTo("有效"));
        given().queryParam("level", "省级")
                .queryParam("q", name)
                .get("/api/v1/platforms")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem(id)));
        given().get("/api/v1/platforms/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items[0].changeLabel", equalTo("认定"))
                .body("items[0].levelLabel", equalTo("国家级"));
        given().queryParam("groupBy", "type,level")
                .get("/api/v1/platforms/stats")
                .then()
                .statusCode(200)
                .body(
                        "groups.find { it.type == 'TECH_BUSINESS_INCUBATOR' && it.level == 'NATIONAL' }.typeLabel",
                        equalTo("科技企业孵化器"))
                .body(
                        "groups.find { it.type == 'TECH_BUSINESS_INCUBATOR' && it.level == 'NATIONAL' }.levelLabel",
                        equalTo("国家级"));
        given().get("/api/v1/regions/430703")
                .then()
                .statusCode(200)
                .body("levelLabel", equalTo("区县级"));
    }

    @Test
    void aValueThatIsNeitherCodeNorLabelListsBoth() {
        given().header("Accept-Language", "zh-CN")
                .queryParam("level", "世界级")
                .get("/api/v1/platforms")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("level"))
                .body(
                        "errors[0].message",
                        equalTo("必须是以下之一：NATIONAL (国家级), PROVINCIAL (省级), MUNICIPAL (市级)"));
        given().contentType(ContentType.JSON)
                .body(platform(unique("x"), "KEY_LABORATORY", "世界级", "430703", null))
                .post("/api/v1/platforms")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("level"))
                .body(
                        "errors[0].message",
                        equalTo("must be one of NATIONAL (国家级), PROVINCIAL (省级), MUNICIPAL (市级)"));
    }

    @Test
    void theOpenApiDocumentSaysLabelsAreAcceptedAndShowsTheLabelFields() {
        given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .body(
                        "components.schemas.PlatformLevel.enum",
                        equalTo(java.util.List.of("NATIONAL", "PROVINCIAL", "MUNICIPAL")))
                .body(
                        "components.schemas.PlatformLevel.description",
                        containsString("Chinese label"))
                .body("components.schemas.Platform.properties.levelLabel.readOnly", equalTo(true))
                .body(
                        "components.schemas.Platform.properties.levelLabel.type",
                        equalTo(java.util.List.of("string", "null")))
                .body(
                        "components.schemas.Organization.properties.kindLabel.readOnly",
                        equalTo(true))
                // nested in a view: certifications of an organisation
                .body(
                        "components.schemas.Certification.properties.kindLabel.readOnly",
                        equalTo(true))
                // a request body takes the code or the label in the field itself: no label field
                // there
                .body(
                        "components.schemas.PlatformInput.properties",
                        not(org.hamcrest.Matchers.hasKey("levelLabel")));
    }
}
