package org.innoreg.registry.resource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class RegionResourceTest {

    @Test
    void seededCityListsItsDistrictsAndSpecialAreas() {
        given().get("/api/v1/regions/430700")
                .then()
                .statusCode(200)
                .header("ETag", notNullValue())
                .body("nameEn", equalTo("Changde"))
                .body("children.code", hasItems("430702", "430703", "430721", "430781", "430790"))
                .body("children.nameEn", hasItem("Dingcheng District"));
    }

    @Test
    void listFiltersByParentAndLevel() {
        given().queryParam("parent", "220100")
                .get("/api/v1/regions")
                .then()
                .statusCode(200)
                .body("items.code", contains("220190"))
                .body("items[0].level", equalTo("SPECIAL_AREA"));
        given().queryParam("level", "PROVINCE")
                .get("/api/v1/regions")
                .then()
                .statusCode(200)
                .body("items.code", contains("110000", "220000", "430000"));
    }

    @Test
    void createsARegionUnderItsParent() {
        given().contentType(ContentType.JSON)
                .body(
                        """
                        {"code":"430405","nameZh":"石鼓区","nameEn":"Shigu District","level":"DISTRICT","parentCode":"430400"}
                        """)
                .post("/api/v1/regions")
                .then()
                .statusCode(201)
                .header("Location", startsWith("http"))
                .header("Location", containsString("/api/v1/regions/430405"))
                .header("ETag", equalTo("\"1\""))
                .body("version", equalTo(1));
        given().get("/api/v1/regions/430405")
                .then()
                .statusCode(200)
                .body("parentCode", equalTo("430400"));
    }

    @Test
    void locationIsTheAddressTheCallerUsedThroughTheGateway() {
        // what the gateway's proxy sends: the caller's host and scheme, while it connects to this
        // service's own port
        given().contentType(ContentType.JSON)
                .header("X-Forwarded-Host", "registry.example.gov.cn:8443")
                .header("X-Forwarded-Proto", "https")
                .body(
                        """
                        {"code":"430426","nameZh":"祁东县","nameEn":"Qidong County","level":"DISTRICT","parentCode":"430400"}
                        """)
                .post("/api/v1/regions")
                .then()
                .statusCode(201)
                .header(
                        "Location",
                        equalTo("https://registry.example.gov.cn:8443/api/v1/regions/430426"));
        // called directly, its own address
        given().contentType(ContentType.JSON)
                .body(
                        """
                        {"code":"430427","nameZh":"衡东县二","nameEn":"Hengdong County Two","level":"DISTRICT","parentCode":"430400"}
                        """)
                .post("/api/v1/regions")
                .then()
                .statusCode(201)
                .header(
                        "Location",
                        org.hamcrest.Matchers.matchesPattern(
                                "http://(localhost|127\\.0\\.0\\.1):[0-9]+/api/v1/regions/430427"));
    }

    @Test
    void unknownRegionIsAProblem() {
        given().get("/api/v1/regions/430799")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("type", equalTo("urn:innoreg:problem:not-found"));
    }

    @Test
    void aRegionFilterThatIsNoRegionIsAProblemNamingIt() {
        // 430799 is a well-formed code that no region has: an empty list would look like a region
        // without records
        for (String path :
                new String[] {
                    "/api/v1/platforms",
                    "/api/v1/platforms/stats",
                    "/api/v1/platforms/export",
                    "/api/v1/organizations",
                    "/api/v1/organizations/export"
                }) {
            given().queryParam("region", "430799")
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("region"))
                    .body("errors[0].message", containsString("430799"));
        }
        given().queryParam("parent", "430799")
                .get("/api/v1/regions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("parent"));
        given().header("Accept-Language", "zh-CN")
                .queryParam("region", "430799")
                .get("/api/v1/platforms")
                .then()
                .statusCode(400)
                .body("errors[0].message", containsString("不存在"));
        // a region that exists still filters, twice (the second from the remembered codes)
        given().queryParam("region", "430700").get("/api/v1/platforms").then().statusCode(200);
        given().queryParam("region", "430700").get("/api/v1/platforms").then().statusCode(200);
        given().queryParam("region", "430700").get("/api/v1/organizations").then().statusCode(200);
    }

    @Test
    void malformedCodeInPathOrQueryNamesTheParameter() {
        given().get("/api/v1/regions/43A700")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"));
        given().queryParam("parent", "12")
                .get("/api/v1/regions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("parent"));
        given().queryParam("level", "GALAXY")
                .get("/api/v1/regions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void invalidBodiesAreProblemsNamingEachField() {
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"code":"4307","nameZh":"","level":"DISTRICT","parentCode":"430700"}
                """)
                .post("/api/v1/regions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("code", "nameEn", "nameZh"));
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"code":"430791","nameZh":"x","nameEn":"x","level":"HAMLET","parentCode":"430700"}
                """)
                .post("/api/v1/regions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("level"))
                .body("errors[0].message", containsString("SPECIAL_AREA"));
        given().contentType(ContentType.JSON)
                .body("{\"code\": 430791, ")
                .post("/api/v1/regions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:innoreg:problem:malformed-json"));
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"code":"430791","nameZh":"x","nameEn":"x","level":"DISTRICT","parentCode":"430700","colour":"red"}
                """)
                .post("/api/v1/regions")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        given().contentType(ContentType.JSON)
                .post("/api/v1/regions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType(ContentType.TEXT)
                .body("hello")
                .post("/api/v1/regions")
                .then()
                .statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void placementRulesAreUnprocessableNotServerErrors() {
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"code":"430792","nameZh":"x","nameEn":"x","level":"DISTRICT","parentCode":"430100"}
                """)
                .post("/api/v1/regions")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("parentCode"));
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"code":"440792","nameZh":"x","nameEn":"x","level":"DISTRICT","parentCode":"430700"}
                """)
                .post("/api/v1/regions")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("code"));
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"code":"430703","nameZh":"x","nameEn":"x","level":"DISTRICT","parentCode":"430700"}
                """)
                .post("/api/v1/regions")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }
}
