package org.innoreg.registry.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.innoreg.registry.support.Fixtures.createOrganization;
import static org.innoreg.registry.support.Fixtures.organization;
import static org.innoreg.registry.support.Fixtures.unique;
import static org.innoreg.registry.support.Fixtures.uscc;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class OrganizationResourceTest {

    @Test
    void registersAnOrganisationWithCertificationsAndDefaultValidity() {
        String code = uscc("430702");
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"uscc":"%s","nameZh":"%s","kind":"ENTERPRISE","regionCode":"430702",
                 "certifications":[{"kind":"HIGH_TECH_ENTERPRISE","validFrom":"2018-10-17"}]}
                """
                                .formatted(code, unique("湖南金健米业")))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201)
                .header("ETag", equalTo("\"1\""))
                .body("uscc", equalTo(code))
                .body("certifications[0].validTo", equalTo("2021-10-16"));
    }

    @Test
    void aWrongCheckCharacterIsRefusedNamingTheField() {
        String code = uscc("430702");
        String wrong = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        given().contentType(ContentType.JSON)
                .body(organization(wrong, unique("错误代码"), "430702"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("uscc"));
        given().queryParam("q", "错误代码")
                .get("/api/v1/organizations")
                .then()
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void unknownRegionDuplicateUsccAndBadDatesAreRefused() {
        given().contentType(ContentType.JSON)
                .body(organization(uscc("430799"), unique("无地区"), "430799"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("regionCode"));
        String code = uscc("430702");
        given().contentType(ContentType.JSON)
                .body(organization(code, unique("第一"), "430702"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);
        given().contentType(ContentType.JSON)
                .body(organization(code, unique("第二"), "430702"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"uscc":"%s","nameZh":"x","kind":"ENTERPRISE","regionCode":"430702",
                 "certifications":[{"kind":"GAZELLE","validFrom":"2019-01-01","validTo":"2018-01-01"}]}
                """
                                .formatted(uscc("430702")))
                .post("/api/v1/organizations")
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("certifications[0].validTo"));
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"uscc":"%s","nameZh":"x","kind":"ENTERPRISE","regionCode":"430702",
                 "certifications":[{"kind":"GAZELLE","validFrom":"2019-02-30"}]}
                """
                                .formatted(uscc("430702")))
                .post("/api/v1/organizations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("certifications[0].validFrom"));
    }

    @Test
    void certificationsAreQueriedByTheDayTheyWereValid() {
        String name = unique("瞪羚科技");
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"uscc":"%s","nameZh":"%s","kind":"ENTERPRISE","regionCode":"430703",
                 "certifications":[{"kind":"HIGH_TECH_ENTERPRISE","validFrom":"2016-01-01"}]}
                """
                                .formatted(uscc("430703"), name))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);

        given().queryParam("certification", "HIGH_TECH_ENTERPRISE")
                .queryParam("validOn", "2018-12-31")
                .queryParam("q", name)
                .get("/api/v1/organizations")
                .then()
                .statusCode(200)
                .body("items.nameZh", contains(name));
        given().queryParam("certification", "HIGH_TECH_ENTERPRISE")
                .queryParam("validOn", "2019-01-01")
                .queryParam("q", name)
                .get("/api/v1/organizations")
                .then()
                .statusCode(200)
                .body("items.nameZh", not(hasItem(name)));
    }

    @Test
    void updatesNeedTheCurrentETag() {
        String code = uscc("430721");
        String name = unique("安乡企业");
        String id =
                given().contentType(ContentType.JSON)
                        .body(organization(code, name, "430721"))
                        .post("/api/v1/organizations")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        String renamed = organization(code, name + "（更名）", "430721");

        given().contentType(ContentType.JSON)
                .body(renamed)
                .put("/api/v1/organizations/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"7\"")
                .body(renamed)
                .put("/api/v1/organizations/" + id)
                .then()
                .statusCode(412)
                .body("currentETag", equalTo("\"1\""));
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(renamed)
                .put("/api/v1/organizations/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("nameZh", equalTo(name + "（更名）"));
        // The same body again changes nothing: same version.
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body(renamed)
                .put("/api/v1/organizations/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""));
        given().get("/api/v1/organizations/" + id).then().header("ETag", equalTo("\"2\""));
    }

    @Test
    void idempotencyKeyMakesARetryReturnTheFirstResponse() {
        String body = organization(uscc("430722"), unique("汉寿企业"), "430722");
        String key = unique("retry-");
        Response first =
                given().contentType(ContentType.JSON)
                        .header("Idempotency-Key", key)
                        .body(body)
                        .post("/api/v1/organizations");
        first.then().statusCode(201);
        Response second =
                given().contentType(ContentType.JSON)
                        .header("Idempotency-Key", key)
                        .body(body)
                        .post("/api/v1/organizations");
        second.then().statusCode(201).header("Idempotent-Replayed", "true");
        assertThat(second.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));

        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(organization(uscc("430722"), unique("别的"), "430722"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void matchRanksCandidatesAndIsConfidentOnlyWhenClear() {
        String suffix = unique("");
        createOrganization("湖南云锦纺织集团股份有限公司" + suffix, "430703");
        createOrganization("常德云锦物流有限公司" + suffix, "430702");

        List<Object> exact =
                given().queryParam("name", "湖南云锦纺织集团股份有限公司" + suffix)
                        .get("/api/v1/organizations/match")
                        .then()
                        .statusCode(200)
                        .body("[0].organization.nameZh", equalTo("湖南云锦纺织集团股份有限公司" + suffix))
                        .body("[0].confident", equalTo(true))
                        .body("[0].score", equalTo(1.0f))
                        .extract()
                        .path("findAll { it.confident }");
        assertThat(exact).hasSize(1);

        given().queryParam("name", "云锦" + suffix)
                .get("/api/v1/organizations/match")
                .then()
                .statusCode(200)
                .body("size()", greaterThan(1))
                .body("confident", not(hasItem(true)));
        given().get("/api/v1/organizations/match")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("name"));
        given().queryParam("name", "zzqxv")
                .get("/api/v1/organizations/match")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void listPagesWithACursor() {
        String prefix = unique("分页");
        for (int i = 0; i < 5; i++) {
            createOrganization(prefix + "-" + i, "430724");
        }
        String next =
                given().queryParam("q", prefix)
                        .queryParam("limit", 2)
                        .get("/api/v1/organizations")
                        .then()
                        .body("items.nameZh", contains(prefix + "-0", prefix + "-1"))
                        .body("next", notNullValue())
                        .extract()
                        .path("next");
        next =
                given().urlEncodingEnabled(false)
                        .get(next)
                        .then()
                        .body("items.nameZh", contains(prefix + "-2", prefix + "-3"))
                        .extract()
                        .path("next");
        given().urlEncodingEnabled(false)
                .get(next)
                .then()
                .body("items.nameZh", contains(prefix + "-4"))
                .body("next", org.hamcrest.Matchers.nullValue());
        given().queryParam("cursor", "garbage!")
                .get("/api/v1/organizations")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void listFiltersByKind() {
        String prefix = unique("类别");
        createOrganization(prefix + "-企业", "430724");
        given().contentType(ContentType.JSON)
                .body(
                        """
                {"uscc":"%s","nameZh":"%s","kind":"UNIVERSITY","regionCode":"430724"}
                """
                                .formatted(uscc("430724"), prefix + "-大学"))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201);

        given().queryParam("q", prefix)
                .queryParam("kind", "UNIVERSITY")
                .get("/api/v1/organizations")
                .then()
                .statusCode(200)
                .body("items.nameZh", contains(prefix + "-大学"));
        given().queryParam("q", prefix)
                .get("/api/v1/organizations")
                .then()
                .body("items.nameZh", containsInAnyOrder(prefix + "-企业", prefix + "-大学"));
    }
}
