package org.innoreg.registry.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.innoreg.registry.support.Fixtures.organization;
import static org.innoreg.registry.support.Fixtures.platform;
import static org.innoreg.registry.support.Fixtures.unique;
import static org.innoreg.registry.support.Fixtures.uscc;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.OffsetDateTime;
import org.innoreg.testsupport.ChangedSinceContract;
import org.junit.jupiter.api.Test;

/**
 * {@code changedSince} on the registry's lists: records whose last change is at or after the
 * instant, with the lists' other filters, sort and cursor; a value that is not an RFC 3339 instant
 * is a 400 naming it.
 */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ChangedSinceTest {

    @Test
    void platformsChangedSinceAnInstantWithFiltersSortAndCursor() throws Exception {
        String tag = unique("变更平台");
        JsonPath first = createdPlatform(tag + "A", "430703");
        JsonPath second = createdPlatform(tag + "B", "430703");
        JsonPath third = createdPlatform(tag + "C", "430400");
        OffsetDateTime secondAt = instant(second);
        assertThat(instant(first)).isBefore(secondAt);

        ChangedSinceContract.assertHolds("/api/v1/platforms", "nameZh", tag, secondAt);

        // A change moves a record's instant: the first, edited now, is changed since the third.
        OffsetDateTime thirdAt = instant(third);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(
                        platform(
                                tag + "A",
                                "KEY_LABORATORY",
                                "PROVINCIAL",
                                "430703",
                                "\"fields\":[\"new materials\"]"))
                .put("/api/v1/platforms/" + first.getString("id"))
                .then()
                .statusCode(200);
        given().queryParam("q", tag)
                .queryParam("changedSince", thirdAt.plusNanos(1000).toString())
                .get("/api/v1/platforms")
                .then()
                .body("items.nameZh", contains(tag + "A"));
    }

    @Test
    void organisationsChangedSinceAnInstantWithFiltersAndCursor() {
        String tag = unique("变更单位");
        JsonPath first = createdOrganization(tag + "A", "430703");
        JsonPath second = createdOrganization(tag + "B", "430703");
        createdOrganization(tag + "C", "430400");
        OffsetDateTime secondAt = instant(second);
        assertThat(instant(first)).isBefore(secondAt);

        given().queryParam("q", tag)
                .queryParam("changedSince", secondAt.toString())
                .get("/api/v1/organizations")
                .then()
                .statusCode(200)
                .body("items.nameZh", contains(tag + "B", tag + "C"));
        given().queryParam("q", tag)
                .get("/api/v1/organizations")
                .then()
                .body("items.nameZh", contains(tag + "A", tag + "B", tag + "C"));
        given().queryParam("q", tag)
                .queryParam("changedSince", secondAt.toString())
                .queryParam("region", "430700")
                .get("/api/v1/organizations")
                .then()
                .body("items.nameZh", contains(tag + "B"));

        String next =
                given().queryParam("q", tag)
                        .queryParam("changedSince", secondAt.toString())
                        .queryParam("limit", 1)
                        .get("/api/v1/organizations")
                        .then()
                        .body("items.nameZh", contains(tag + "B"))
                        .extract()
                        .path("next");
        assertThat(next).contains("changedSince=");
        next =
                given().urlEncodingEnabled(false)
                        .get(next)
                        .then()
                        .statusCode(200)
                        .body("items.nameZh", contains(tag + "C"))
                        .extract()
                        .path("next");
        if (next != null) {
            given().urlEncodingEnabled(false)
                    .get(next)
                    .then()
                    .statusCode(200)
                    .body("items", empty());
        }
    }

    @Test
    void regionsChangedSinceAnInstant() {
        JsonPath first = createdRegion("430481", "耒阳市", "Leiyang City");
        JsonPath second = createdRegion("430482", "常宁市", "Changning City");
        OffsetDateTime secondAt = instant(second);
        assertThat(instant(first)).isBefore(secondAt);

        given().queryParam("changedSince", secondAt.toString())
                .get("/api/v1/regions")
                .then()
                .statusCode(200)
                .body("items.code", contains("430482"));
        given().queryParam("changedSince", instant(first).toString())
                .queryParam("parent", "430400")
                .get("/api/v1/regions")
                .then()
                .body("items.code", contains("430481", "430482"));
        given().queryParam("parent", "430400")
                .get("/api/v1/regions")
                .then()
                .body("items.code", hasItems("430481", "430482"));
        given().queryParam("changedSince", instant(first).toString())
                .queryParam("level", "CITY")
                .get("/api/v1/regions")
                .then()
                .statusCode(200)
                .body("items", empty());
        given().queryParam("changedSince", "2000-01-01T00:00:00+08:00")
                .get("/api/v1/regions")
                .then()
                .body("items.code", hasItem("430700"));
        given().queryParam("changedSince", secondAt.plusNanos(1000).toString())
                .get("/api/v1/regions")
                .then()
                .body("items.code", not(hasItem("430482")));
    }

    @Test
    void aChangedSinceThatIsNotAnInstantIsAProblemNamingIt() {
        ChangedSinceContract.assertRefusesWhatIsNotAnInstant(
                "/api/v1/platforms", "/api/v1/organizations", "/api/v1/regions");
    }

    private static JsonPath createdPlatform(String name, String region) {
        return given().contentType(ContentType.JSON)
                .body(platform(name, "KEY_LABORATORY", "PROVINCIAL", region, null))
                .post("/api/v1/platforms")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static JsonPath createdOrganization(String name, String region) {
        return given().contentType(ContentType.JSON)
                .body(organization(uscc(region), name, region))
                .post("/api/v1/organizations")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static JsonPath createdRegion(String code, String nameZh, String nameEn) {
        return given().contentType(ContentType.JSON)
                .body(
                        """
                {"code":"%s","nameZh":"%s","nameEn":"%s","level":"DISTRICT","parentCode":"430400"}
                """
                                .formatted(code, nameZh, nameEn))
                .post("/api/v1/regions")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    private static OffsetDateTime instant(JsonPath record) {
        return OffsetDateTime.parse(record.getString("updatedAt"));
    }
}
