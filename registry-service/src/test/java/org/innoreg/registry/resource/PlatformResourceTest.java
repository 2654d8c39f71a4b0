package org.innoreg.registry.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.innoreg.registry.support.Fixtures.createOrganization;
import static org.innoreg.registry.support.Fixtures.createPlatform;
import static org.innoreg.registry.support.Fixtures.platform;
import static org.innoreg.registry.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.chassis.validation.BureauCalendar;
import org.innoreg.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class PlatformResourceTest {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void registersAWorkstationWithItsAcademiciansAndHost() {
        String host = createOrganization(unique("湖南云锦集团"), "430703");
        String id =
                given().contentType(ContentType.JSON)
                        .body(
                                platform(
                                        unique("云锦集团院士工作站"),
                                        "ACADEMICIAN_WORKSTATION",
                                        "PROVINCIAL",
                                        "430703",
                                        """
                        "hostIds":["%s"],"fields":["textiles"],"accreditedOn":"2014-06-01",
                        "website":"https://www.yunjin-group.example.cn/ysgzz",
                        "detail":{"academicians":[{"name":"Yu Jianyong","academy":"CAE","field":"textile engineering"}],
                                  "partnerEnterprise":"Hunan Yunjin Group"}"""
                                                .formatted(host)))
                        .post("/api/v1/platforms")
                        .then()
                        .statusCode(201)
                        .header("ETag", equalTo("\"1\""))
                        .body("status", equalTo("ACTIVE"))
                        .body("hostIds", contains(host))
                        .body("detail.academicians[0].academy", equalTo("CAE"))
                        .body("website", equalTo("https://www.yunjin-group.example.cn/ysgzz"))
                        .extract()
                        .path("id");
        given().get("/api/v1/platforms/" + id)
                .then()
                .body("website", equalTo("https://www.yunjin-group.example.cn/ysgzz"));
        given().get("/api/v1/platforms/" + id + "/history")
                .then()
                .statusCode(200)
                .body("items.change", contains("ACCREDITED"))
                .body("items[0].effectiveOn", equalTo("2014-06-01"));
    }

    @Test
    void inputThatCannotBeRightIsRefused() {
        given().contentType(ContentType.JSON)
                .body(
                        platform(
                                unique("未来"),
                                "KEY_LABORATORY",
                                "NATIONAL",
                                "430400",
                                "\"accreditedOn\":\"" + BureauCalendar.today().plusDays(3) + "\""))
                .post("/api/v1/platforms")
                .then()
                .statusCode(400)
                .body("errors.field", contains("accreditedOn"));
        for (String website :
                new String[] {"www.example.cn", "ftp://example.cn", "https://", "https://a b.cn"}) {
            given().contentType(ContentType.JSON)
                    .body(
                            platform(
                                    unique("网址"),
                                    "KEY_LABORATORY",
                                    "NATIONAL",
                                    "430400",
                                    "\"website\":\"" + website + "\""))
                    .post("/api/v1/platforms")
                    .then()
                    .statusCode(400)
                    .body("errors.field", contains("website"))
                    .body("errors[0].message", containsString("http:// or https://"));
        }
        given().contentType(ContentType.JSON)
                .body(platform(unique("x"), "SPACESHIP", "NATIONAL", "430400", null))
                .post("/api/v1/platforms")
                .then()
                .statusCode(400)
                .body("errors.field", contains("type"));
        given().contentType(ContentType.JSON)
                .body(
                        platform(
                                unique("x"),
                                "KEY_LABORATORY",
                                "NATIONAL",
                                "430400",
                                "\"detail\":{\"tenants\":12}"))
                .post("/api/v1/platforms")
                .then()
                .statusCode(422)
                .body("errors.field", contains("detail"));
        given().contentType(ContentType.JSON)
                .body(
                        platform(
                                unique("x"),
                                "TECH_BUSINESS_INCUBATOR",
                                "NATIONAL",
                                "430400",
                                "\"detail\":{\"tenants\":-1}"))
                .post("/api/v1/platforms")
                .then()
                .statusCode(400)
                .body("errors.field", contains("detail.tenants"));
        given().contentType(ContentType.JSON)
                .body(
                        platform(
                                unique("x"),
                                "KEY_LABORATORY",
                                "NATIONAL",
                                "430400",
                                "\"hostIds\":[\"6f1c2b9e-0000-4000-8000-000000000000\"]"))
                .post("/api/v1/platforms")
                .then()
                .statusCode(422)
                .body("errors.field", contains("hostIds"));
        given().contentType(ContentType.JSON)
                .body(platform(unique("x"), "KEY_LABORATORY", "NATIONAL", "439999", null))
                .post("/api/v1/platforms")
                .then()
                .statusCode(422)
                .body("errors.field", contains("regionCode"));
        given().contentType(ContentType.JSON)
                .body("{\"nameZh\":\"" + "长".repeat(400) + "\"}")
                .post("/api/v1/platforms")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("nameZh"));
        String name = unique("重名");
        createPlatform(name, "KEY_LABORATORY", "PROVINCIAL", "430400", null);
        given().contentType(ContentType.JSON)
                .body(platform(name, "KEY_LABORATORY", "PROVINCIAL", "430400", null))
                .post("/api/v1/platforms")
                .then()
                .statusCode(409);
    }

    @Test
    void anUpgradeIsDatedHistoryAndStatisticsFollowIt() {
        // A type no other test uses in this region, so the counts below move only because of this
        // platform.
        String type = "AGRICULTURAL_SCI_TECH_PARK";
        String name = unique("农业科技园区");
        String id =
                createPlatform(
                        name, type, "PROVINCIAL", "430790", "\"accreditedOn\":\"2012-05-01\"");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(
                        platform(
                                name,
                                type,
                                "NATIONAL",
                                "430790",
                                "\"accreditedOn\":\"2012-05-01\",\"changedOn\":\"2015-12-01\""))
                .put("/api/v1/platforms/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""))
                .body("level", equalTo("NATIONAL"));
        given().get("/api/v1/platforms/" + id + "/history")
                .then()
                .body("items.change", contains("ACCREDITED", "LEVEL_CHANGED"))
                .body("items[1].effectiveOn", equalTo("2015-12-01"))
                .body("items[1].note", equalTo("PROVINCIAL → NATIONAL"));

        // A change dated before the last one would rewrite history.
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body(
                        platform(
                                name,
                                type,
                                "NATIONAL",
                                "430790",
                                "\"accreditedOn\":\"2012-05-01\",\"status\":\"REVOKED\",\"changedOn\":\"2014-01-01\""))
                .put("/api/v1/platforms/" + id)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("changedOn"));

        String region = "430790";
        assertThat(
                        count("2011-12-31", region, type, "PROVINCIAL")
                                + count("2011-12-31", region, type, "NATIONAL"))
                .isZero();
        assertThat(count("2014-12-31", region, type, "PROVINCIAL")).isEqualTo(1);
        assertThat(count("2014-12-31", region, type, "NATIONAL")).isZero();
        assertThat(count("2016-12-31", region, type, "PROVINCIAL")).isZero();
        assertThat(count("2016-12-31", region, type, "NATIONAL")).isEqualTo(1);
    }

    @Test
    void aLaterAccreditationDateMovesTheFirstStepOfTheHistory() {
        String type = "POSTDOCTORAL_STATION";
        String name = unique("博士后工作站");
        String id =
                createPlatform(
                        name, type, "PROVINCIAL", "430781", null); // registered today, undated
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(
                        platform(
                                name,
                                type,
                                "PROVINCIAL",
                                "430781",
                                "\"accreditedOn\":\"2013-04-01\""))
                .put("/api/v1/platforms/" + id)
                .then()
                .statusCode(200);
        given().get("/api/v1/platforms/" + id + "/history")
                .then()
                .body("items.change", contains("ACCREDITED"))
                .body("items[0].effectiveOn", equalTo("2013-04-01"));
        assertThat(count("2013-12-31", "430781", type, "PROVINCIAL")).isEqualTo(1);
        assertThat(count("2012-12-31", "430781", type, "PROVINCIAL")).isZero();

        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body(
                        platform(
                                name,
                                type,
                                "NATIONAL",
                                "430781",
                                "\"accreditedOn\":\"2013-04-01\",\"changedOn\":\"2016-01-01\""))
                .put("/api/v1/platforms/" + id)
                .then()
                .statusCode(200);
        // the accreditation cannot move past the upgrade that followed it
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"3\"")
                .body(platform(name, type, "NATIONAL", "430781", "\"accreditedOn\":\"2017-01-01\""))
                .put("/api/v1/platforms/" + id)
                .then()
                .statusCode(422)
                .body("errors[0].field", equalTo("accreditedOn"));
        given().get("/api/v1/platforms/" + id)
                .then()
                .header("ETag", equalTo("\"3\""))
                .body("accreditedOn", equalTo("2013-04-01"));
    }

    private static long count(String asOf, String region, String type, String level) {
        List<java.util.Map<String, Object>> groups =
                given().queryParam("asOf", asOf)
                        .queryParam("region", region)
                        .queryParam("groupBy", "type,level")
                        .get("/api/v1/platforms/stats")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("groups");
        return groups.stream()
                .filter(g -> type.equals(g.get("type")) && level.equals(g.get("level")))
                .mapToLong(g -> ((Number) g.get("count")).longValue())
                .sum();
    }

    @Test
    void statsRefuseUnknownGroups() {
        given().queryParam("groupBy", "colour")
                .get("/api/v1/platforms/stats")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("groupBy"));
        given().queryParam("asOf", "2020-13-01")
                .get("/api/v1/platforms/stats")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("asOf"));
    }

    @Test
    void searchFindsAllTermsInAnyOrderAndRanksTheNameAsTypedFirst() {
        String tag = unique("词元");
        String shorter = tag + "碳化硅重点实验室";
        String longer = tag + "碳化硅功率器件重点实验室";
        createPlatform(
                longer,
                "KEY_LABORATORY",
                "PROVINCIAL",
                "430702",
                "\"nameEn\":\"Silicon Carbide Power Device Lab\"");
        createPlatform(shorter, "KEY_LABORATORY", "PROVINCIAL", "430702", "\"fields\":[]");

        // terms in any order, with or without spaces (V6__platform_search_terms.sql)
        given().queryParam("q", "功率器件 " + tag + " 碳化硅")
                .get("/api/v1/platforms")
                .then()
                .statusCode(200)
                .body("items.nameZh", contains(longer));
        // the last word as a prefix: what a clerk has typed so far
        given().queryParam("q", tag + " silicon carb")
                .get("/api/v1/platforms")
                .then()
                .body("items.nameZh", contains(longer));
        // the one holding the query as typed comes first; the other holds all its terms
        // but one (硅重), and only such matches are found when nothing holds them all
        given().queryParam("q", tag + "碳化硅重点实验室")
                .get("/api/v1/platforms")
                .then()
                .body("items.nameZh", contains(shorter));
        given().queryParam("q", tag + "碳化硅功率器件重点实验室")
                .get("/api/v1/platforms")
                .then()
                .body("items.nameZh", contains(longer));
        // words typed without their spaces: no name holds 硅器, all but that one piece are there
        given().queryParam("q", tag + "碳化硅器件")
                .queryParam("facets", true)
                .get("/api/v1/platforms")
                .then()
                .body("items.nameZh", contains(longer))
                .body("total", equalTo(1));
        // every term must be there
        given().queryParam("q", tag + " 石墨烯")
                .get("/api/v1/platforms")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(0));
        // sorted by name, the same matches
        given().queryParam("q", tag + " 实验室")
                .queryParam("sort", "name")
                .get("/api/v1/platforms")
                .then()
                .body("items.nameZh", contains(longer, shorter));
    }

    @Test
    void searchFiltersByTypeLevelRegionSubtreeFieldAndText() {
        String tag = unique("检索");
        createPlatform(
                tag + "鼎城国家重点实验室",
                "KEY_LABORATORY",
                "NATIONAL",
                "430703",
                "\"fields\":[\"new materials\"]");
        createPlatform(
                tag + "武陵省级重点实验室",
                "KEY_LABORATORY",
                "PROVINCIAL",
                "430702",
                "\"fields\":[\"biomedicine\"]");
        createPlatform(
                tag + "衡阳重点实验室",
                "KEY_LABORATORY",
                "NATIONAL",
                "430400",
                "\"nameEn\":\"Hengyang " + tag + " Lab\"");

        given().queryParam("q", tag)
                .queryParam("region", "430700")
                .get("/api/v1/platforms")
                .then()
                .statusCode(200)
                .body("items.nameZh", containsInAnyOrder(tag + "鼎城国家重点实验室", tag + "武陵省级重点实验室"));
        given().queryParam("q", tag)
                .queryParam("level", "NATIONAL")
                .queryParam("type", "KEY_LABORATORY")
                .get("/api/v1/platforms")
                .then()
                .body("items.nameZh", containsInAnyOrder(tag + "鼎城国家重点实验室", tag + "衡阳重点实验室"));
        given().queryParam("q", tag)
                .queryParam("field", "biomedicine")
                .get("/api/v1/platforms")
                .then()
                .body("items.nameZh", contains(tag + "武陵省级重点实验室"));
        given().queryParam("q", "hengyang " + tag.toUpperCase())
                .get("/api/v1/platforms")
                .then()
                .body("items.nameZh", contains(tag + "衡阳重点实验室"));
        given().queryParam("q", tag)
                .queryParam("facets", true)
                .get("/api/v1/platforms")
                .then()
                .body("total", equalTo(3))
                .body("facets.level.NATIONAL", equalTo(2))
                .body("facets.region.430703", equalTo(1));
        given().queryParam("sort", "colour")
                .get("/api/v1/platforms")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        given().queryParam("sort", "relevance").get("/api/v1/platforms").then().statusCode(400);
    }

    @Test
    void cursorPagingVisitsEveryMatchOnceInEverySortOrder() {
        String tag = unique("翻页");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            names.add(tag + "-" + i);
            createPlatform(
                    tag + "-" + i,
                    "MAKER_SPACE",
                    "MUNICIPAL",
                    "430725",
                    "\"accreditedOn\":\"201" + (i % 3) + "-01-01\"");
        }
        for (String sort :
                List.of(
                        "name",
                        "accreditedOn",
                        "-accreditedOn",
                        "updatedAt",
                        "-updatedAt",
                        "relevance")) {
            List<String> seen = new ArrayList<>();
            String next = "/api/v1/platforms?limit=3&q=" + tag + "&sort=" + sort;
            while (next != null) {
                var page =
                        given().urlEncodingEnabled(false)
                                .get(next)
                                .then()
                                .statusCode(200)
                                .extract();
                seen.addAll(page.path("items.nameZh"));
                next = page.path("next");
            }
            assertThat(seen).as("sort %s", sort).containsExactlyInAnyOrderElementsOf(names);
        }
    }

    @Test
    void deleteNeedsIfMatchAndEmitsTheLastState() throws Exception {
        String id = createPlatform(unique("误录"), "MAKER_SPACE", "MUNICIPAL", "430726", null);
        given().delete("/api/v1/platforms/" + id).then().statusCode(428);
        // Accept: application/problem+json alone, as a client generated from the document sends
        // it here (the problems are the only answers with a body)
        given().header("If-Match", "\"9\"")
                .accept("application/problem+json")
                .delete("/api/v1/platforms/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");
        given().header("If-Match", "\"1\"")
                .accept("application/problem+json")
                .delete("/api/v1/platforms/" + id)
                .then()
                .statusCode(204);
        given().get("/api/v1/platforms/" + id).then().statusCode(404);

        List<TopicReader.Message> events =
                TopicReader.readUntil(
                                bootstrapServers,
                                "registry.platform.v1",
                                Duration.ofSeconds(30),
                                read -> read.stream().filter(m -> id.equals(m.key())).count() >= 2)
                        .stream()
                        .filter(m -> id.equals(m.key()))
                        .toList();
        assertThat(events)
                .extracting(m -> JSON.readTree(m.value()).get("type").asText())
                .containsExactly(
                        "org.innoreg.registry.platform.created",
                        "org.innoreg.registry.platform.deleted");
        // A delete is a change: the next version is its sequence, so every reader can tell it from
        // a late
        // copy of the last state; its data is that last state, dated history included.
        var created = JSON.readTree(events.get(0).value());
        var deleted = JSON.readTree(events.get(1).value());
        assertThat(created.get("sequence").asText()).isEqualTo("00000000000000000001");
        assertThat(deleted.get("sequence").asText()).isEqualTo("00000000000000000002");
        assertThat(deleted.get("data").get("id").asText()).isEqualTo(id);
        assertThat(deleted.get("data").get("version").asLong()).isEqualTo(1);
        assertThat(deleted.get("data").get("history").get(0).get("change").asText())
                .isEqualTo("ACCREDITED");
        given().get("/api/v1/platforms/" + id + "/changes")
                .then()
                .statusCode(200)
                .body("items.action", contains("created", "deleted"))
                .body("items.version", contains(1, 2));
        given().get("/api/v1/platforms/" + java.util.UUID.randomUUID() + "/changes")
                .then()
                .statusCode(404);
    }

    @Test
    void eachChangeNamesTheFieldsItChangedWithOldAndNewValue() {
        String name = unique("变更");
        String id =
                createPlatform(
                        name,
                        "KEY_LABORATORY",
                        "MUNICIPAL",
                        "430722",
                        "\"accreditedOn\":\"2018-03-01\"");
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(
                        platform(
                                name,
                                "KEY_LABORATORY",
                                "PROVINCIAL",
                                "430722",
                                "\"accreditedOn\":\"2018-03-01\",\"changedOn\":\"2020-06-30\",\"nameEn\":\"Key Lab\""))
                .put("/api/v1/platforms/" + id)
                .then()
                .statusCode(200);
        given().get("/api/v1/platforms/" + id + "/changes")
                .then()
                .statusCode(200)
                .body("items.action", contains("created", "updated"))
                .body("items.version", contains(1, 2))
                .body("items[0].fields", org.hamcrest.Matchers.empty())
                .body("items[1].fields.field", containsInAnyOrder("level", "nameEn"))
                .body("items[1].fields.find { it.field == 'level' }.from", equalTo("MUNICIPAL"))
                .body("items[1].fields.find { it.field == 'level' }.to", equalTo("PROVINCIAL"))
                .body("items[1].fields.find { it.field == 'nameEn' }.from", equalTo(name))
                .body("items[1].fields.find { it.field == 'nameEn' }.to", equalTo("Key Lab"));
    }

    @Test
    void everyChangeIsOneEventInOrderAndANoOpIsNone() {
        String name = unique("事件");
        String id = createPlatform(name, "TECHNOLOGY_TRANSFER_CENTER", "MUNICIPAL", "430781", null);
        String body = platform(name, "TECHNOLOGY_TRANSFER_CENTER", "PROVINCIAL", "430781", null);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(body)
                .put("/api/v1/platforms/" + id)
                .then()
                .statusCode(200);
        given().contentType(ContentType.JSON)
                .header("If-Match", "\"2\"")
                .body(body)
                .put("/api/v1/platforms/" + id)
                .then()
                .statusCode(200)
                .header("ETag", equalTo("\"2\""));

        List<TopicReader.Message> events =
                TopicReader.readUntil(
                                bootstrapServers,
                                "registry.platform.v1",
                                Duration.ofSeconds(30),
                                read -> read.stream().filter(m -> id.equals(m.key())).count() >= 2)
                        .stream()
                        .filter(m -> id.equals(m.key()))
                        .toList();
        // Wait a little longer for a third (wrong) event before concluding there is none.
        assertThat(
                        TopicReader.readUntil(
                                        bootstrapServers,
                                        "registry.platform.v1",
                                        Duration.ofSeconds(2),
                                        read -> false)
                                .stream()
                                .filter(m -> id.equals(m.key()))
                                .count())
                .isEqualTo(2);
        assertThat(events.get(0).value())
                .contains("\"sequence\":\"00000000000000000001\"", "platform.created");
        assertThat(events.get(1).value())
                .contains(
                        "\"sequence\":\"00000000000000000002\"",
                        "platform.updated",
                        "\"level\":\"PROVINCIAL\"");
    }

    @Test
    void aQueryParameterTheOperationDoesNotTakeIsAProblemNotIgnored() {
        given().queryParam("regoin", "430700")
                .get("/api/v1/platforms")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("regoin"))
                .body("detail", org.hamcrest.Matchers.containsString("region"));
        given().queryParam("changedsince", "2020-01-01T00:00:00Z")
                .get("/api/v1/platforms")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("changedsince"));
        String id = createPlatform(unique("参数"), "MAKER_SPACE", "MUNICIPAL", "430702", null);
        given().queryParam("verbose", "true")
                .get("/api/v1/platforms/" + id)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("verbose"));
        given().get("/api/v1/platforms/" + id).then().statusCode(200);
    }

    /** A parameter that takes one value, given twice, is refused: neither value is dropped. */
    @Test
    void aSingleValuedParameterGivenTwiceIsAProblemNotTheFirstValue() {
        for (String[] twice :
                new String[][] {
                    {"/api/v1/platforms", "region"},
                    {"/api/v1/platforms", "limit"},
                    {"/api/v1/platforms/stats", "groupBy"}
                }) {
            String first =
                    twice[1].equals("groupBy") ? "type" : twice[1].equals("limit") ? "1" : "430700";
            String second =
                    twice[1].equals("groupBy")
                            ? "bogus"
                            : twice[1].equals("limit") ? "2" : "430400";
            given().urlEncodingEnabled(false)
                    .get(twice[0] + "?" + twice[1] + "=" + first + "&" + twice[1] + "=" + second)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo(twice[1]));
        }
    }

    @Test
    void unknownPlatformAndBadIdsAreProblems() {
        given().get("/api/v1/platforms/6f1c2b9e-0000-4000-8000-000000000000")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/platforms/abc")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("id"));
        given().queryParam("accreditedFrom", "yesterday")
                .get("/api/v1/platforms")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("accreditedFrom"));
        given().queryParam("limit", 0).get("/api/v1/platforms").then().statusCode(400);
    }

    @Test
    void hugeBodiesAreProblemsNotCrashes() throws Exception {
        String tenMegabytes = "长".repeat(10 * 1024 * 1024 / 3);
        given().contentType(ContentType.JSON)
                .body(
                        "{\"nameZh\":\""
                                + tenMegabytes
                                + "\",\"type\":\"KEY_LABORATORY\",\"level\":\"NATIONAL\",\"regionCode\":\"430400\"}")
                .post("/api/v1/platforms")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("nameZh"));
        // Over the 20 MB limit the server answers as soon as it sees the length, before the body.
        String response = announceBody("/api/v1/platforms", 25 * 1024 * 1024);
        assertThat(response)
                .startsWith("HTTP/1.1 413")
                .contains("application/problem+json", "payload-too-large");
    }

    /**
     * Sends only the head of a request announcing a body of the given size, and returns the answer.
     */
    private static String announceBody(String path, long length) throws Exception {
        try (java.net.Socket socket =
                new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(
                            ("POST "
                                            + path
                                            + " HTTP/1.1\r\nHost: localhost\r\n"
                                            + "Content-Type: application/json\r\nContent-Length: "
                                            + length
                                            + "\r\n\r\n")
                                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            var in =
                    new java.io.BufferedReader(
                            new java.io.InputStreamReader(
                                    socket.getInputStream(),
                                    java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder head = new StringBuilder();
            int bodyLength = 0;
            for (String line = in.readLine();
                    line != null && !line.isEmpty();
                    line = in.readLine()) {
                head.append(line).append('\n');
                if (line.toLowerCase().startsWith("content-length:")) {
                    bodyLength = Integer.parseInt(line.substring(15).strip());
                }
            }
            char[] body = new char[bodyLength];
            int read = 0;
            while (read < bodyLength) {
                int n = in.read(body, read, bodyLength - read);
                if (n < 0) {
                    break;
                }
                read += n;
            }
            return head + new String(body, 0, read);
        }
    }
}
