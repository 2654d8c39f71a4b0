package org.innoreg.projects.resource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.testsupport.RegistryRegions;
import org.junit.jupiter.api.Test;

/**
 * A region code names a region of the registry (its seed, or one created since, through its event
 * on registry.region.v1), or the request is refused: a filter 400, a body 422, and nothing changes.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ProjectRegionsTest {

    /** Well-formed (GB/T 2260 shape), but no region of the registry. */
    private static final String NONE = RegistryRegions.NONE;

    private static final List<String> FILTERED =
            List.of(
                    "/api/v1/projects",
                    "/api/v1/projects/export",
                    "/api/v1/projects/late-milestones",
                    "/api/v1/projects/open-obstacles",
                    "/api/v1/projects/overdue-reviews");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject EntityManager entityManager;

    private static String project(String name, String region) {
        return """
                {"name":"%s","investorName":"常德投资企业","origin":"DOMESTIC","kind":"INDUSTRIAL_INVESTMENT",
                 "industryChain":"新材料","regionCode":"%s","plannedInvestment":200000000}
                """
                .formatted(name, region);
    }

    @Test
    void aFilterNamingNoRegionIsA400NamingTheParameter() {
        RegistryRegions.assertUnknownRegionRefused(FILTERED.toArray(String[]::new));
        given().queryParam("region", NONE)
                .queryParam("year", 2018)
                .get("/api/v1/projects/stats")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("region"));
        given().header("Accept-Language", "zh-CN")
                .queryParam("region", NONE)
                .get("/api/v1/projects")
                .then()
                .statusCode(400)
                .body("errors[0].message", equalTo("地区 430799 不存在"));
    }

    @Test
    void aSeededRegionFiltersAsBefore() {
        for (String path : FILTERED) {
            given().queryParam("region", "430700").get(path).then().statusCode(200);
        }
        given().queryParam("region", "430703")
                .queryParam("year", 2018)
                .get("/api/v1/projects/stats")
                .then()
                .statusCode(200);
    }

    @Test
    void aBodyNamingNoRegionIsA422AndStoresNothing() {
        String name = "No such region " + UUID.randomUUID();
        given().contentType(ContentType.JSON)
                .body(project(name, NONE))
                .post("/api/v1/projects")
                .then()
                .statusCode(422)
                .body("type", equalTo("urn:innoreg:problem:unprocessable"))
                .body("errors[0].field", equalTo("regionCode"))
                .body("errors[0].message", equalTo("region 430799 does not exist"));
        given().queryParam("q", name)
                .get("/api/v1/projects")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));

        // moving a project to a region that does not exist: refused, the project unchanged
        String id =
                given().contentType(ContentType.JSON)
                        .body(project(name, "430703"))
                        .post("/api/v1/projects")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(project(name, NONE))
                .put("/api/v1/projects/" + id)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("regionCode"));
        given().get("/api/v1/projects/" + id)
                .then()
                .statusCode(200)
                .body("regionCode", equalTo("430703"))
                .header("ETag", equalTo("\"1\""));

        // a file's row: an error of its line, like any other invalid cell
        given().contentType("text/csv; charset=UTF-8")
                .body(
                        "项目名称,投资方,资金来源,项目类型,地区代码,计划投资\n"
                                + name
                                + " 2,常德投资企业,内资,产业投资,"
                                + NONE
                                + ",50000000\n")
                .queryParam("dryRun", true)
                .post("/api/v1/projects/import")
                .then()
                .statusCode(200)
                .body("invalid", equalTo(1))
                .body("errors[0].field", equalTo("regionCode"))
                .body("errors[0].message", containsString(NONE));
    }

    /**
     * A region the registry creates after this service started is refused until its event is
     * applied, then accepted.
     */
    @Test
    void aRegionCreatedLaterIsKnownOnceItsEventArrives() {
        String created = "439801";
        given().queryParam("region", created).get("/api/v1/projects").then().statusCode(400);
        given().contentType(ContentType.JSON)
                .body(project("Before its region " + UUID.randomUUID(), created))
                .post("/api/v1/projects")
                .then()
                .statusCode(422);

        RegistryRegions.create(bootstrapServers, ProjectRegionsTest::listStatus, created);

        given().contentType(ContentType.JSON)
                .body(project("After its region " + UUID.randomUUID(), created))
                .post("/api/v1/projects")
                .then()
                .statusCode(201)
                .body("regionCode", equalTo(created));
        Number rows =
                (Number)
                        entityManager
                                .createNativeQuery(
                                        "SELECT count(*) FROM known_region WHERE code = ?1")
                                .setParameter(1, created)
                                .getSingleResult();
        org.assertj.core.api.Assertions.assertThat(rows.intValue()).isEqualTo(1);
    }

    private static int listStatus(String region) {
        return given().queryParam("region", region).get("/api/v1/projects").statusCode();
    }
}
