package org.innoreg.registry.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.innoreg.registry.support.Fixtures.unique;
import static org.innoreg.registry.support.Fixtures.uscc;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class PlatformImportTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject DataSource dataSource;

    private static String importCsv(String path, String csv, boolean dryRun, int status) {
        return given().contentType("text/csv; charset=UTF-8")
                .body(csv)
                .queryParam("dryRun", dryRun)
                .post(path)
                .then()
                .statusCode(status)
                .extract()
                .asString();
    }

    /** A dry run asked for in any other words than {@code true} is refused, not run for real. */
    @Test
    void aDryRunThatIsNotTrueOrFalseIsRefusedAndWritesNothing() {
        String tag = unique("干跑");
        for (String value : new String[] {"yes", "1", "ture"}) {
            given().contentType("text/csv; charset=UTF-8")
                    .body("名称,类型,级别,地区代码\n" + tag + ",众创空间,市级,430702\n")
                    .queryParam("dryRun", value)
                    .post("/api/v1/platforms/import")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("dryRun"));
        }
        given().queryParam("q", tag).get("/api/v1/platforms").then().body("items", empty());
    }

    /**
     * A host named on many rows, by code and by name, is each row's host; an unknown one is an
     * error on every row that names it, not only the first (the import looks each name up once).
     */
    @Test
    void aHostNamedOnManyRowsIsEachRowsAndAnUnknownOneAnErrorOnEach() {
        String tag = unique("同一依托");
        String hostUscc = uscc("430702");
        importCsv(
                "/api/v1/organizations/import",
                "统一社会信用代码,名称,类型,地区代码\n" + hostUscc + "," + tag + "依托单位,企业,430702\n",
                false,
                200);
        StringBuilder csv = new StringBuilder("名称,类型,级别,地区代码,依托单位\n");
        for (int n = 0; n < 6; n++) {
            String host = n % 2 == 0 ? hostUscc : tag + "依托单位";
            csv.append(tag)
                    .append("平台")
                    .append(n)
                    .append(",众创空间,市级,430702,")
                    .append(host)
                    .append('\n');
        }
        String withUnknown =
                csv
                        + tag
                        + "无主一,众创空间,市级,430702,"
                        + tag
                        + "查无此单位\n"
                        + tag
                        + "无主二,众创空间,市级,430702,"
                        + tag
                        + "查无此单位\n";
        given().contentType("text/csv; charset=UTF-8")
                .body(withUnknown)
                .queryParam("dryRun", true)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(200)
                .body("invalid", equalTo(2))
                .body("errors.line", contains(8, 9))
                .body("errors.field", contains("hosts", "hosts"));
        importCsv("/api/v1/platforms/import", csv.toString(), false, 200);
        String hostId =
                given().queryParam("q", tag + "依托单位")
                        .get("/api/v1/organizations")
                        .then()
                        .extract()
                        .path("items[0].id");
        given().queryParam("q", tag + "平台")
                .queryParam("limit", 50)
                .get("/api/v1/platforms")
                .then()
                .body("items", hasSize(6))
                .body("items.hostIds.flatten()", everyItem(equalTo(hostId)))
                .body("items.hostIds.flatten()", hasSize(6));
    }

    @Test
    void chineseHeadersDryRunThenAllOrNothing() {
        String tag = unique("导入");
        String hostUscc = uscc("430702");
        importCsv(
                "/api/v1/organizations/import",
                "统一社会信用代码,名称,类型,地区代码,资质\n"
                        + hostUscc
                        + ","
                        + tag
                        + "金健米业股份有限公司,企业,430702,高新技术企业:2018-10-17\n",
                false,
                200);

        String valid =
                "名称,类型,级别,地区代码,依托单位,领域,认定日期\n"
                        + tag
                        + "国家工程技术研究中心,工程技术研究中心,国家级,430702,"
                        + hostUscc
                        + ",粮食加工,2011-10-01\n"
                        + tag
                        + "孵化器,科技企业孵化器,省级,430790,,电子信息;先进装备,2016-03-01\n";
        String withBadRows =
                valid
                        + tag
                        + "坏行,宇宙飞船,国家级,430702,,,2011-10-01\n"
                        + tag
                        + "坏日期,重点实验室,国家级,430702,,,2011-13-01\n";

        given().contentType("text/csv; charset=UTF-8")
                .body(withBadRows)
                .queryParam("dryRun", true)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("rows", equalTo(4))
                .body("valid", equalTo(2))
                .body("invalid", equalTo(2))
                .body("created", equalTo(2))
                .body("errors.line", contains(4, 5))
                .body("errors.field", contains("type", "accreditedOn"));
        given().queryParam("q", tag).get("/api/v1/platforms").then().body("items", empty());

        given().contentType("text/csv; charset=UTF-8")
                .body(withBadRows)
                .queryParam("dryRun", false)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("report.invalid", equalTo(2));
        given().queryParam("q", tag).get("/api/v1/platforms").then().body("items", empty());

        given().contentType("text/csv; charset=UTF-8")
                .body(valid)
                .queryParam("dryRun", false)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(false))
                .body("created", equalTo(2));
        given().queryParam("q", tag)
                .queryParam("sort", "name")
                .get("/api/v1/platforms")
                .then()
                .body("items", hasSize(2))
                .body(
                        "items.type",
                        contains("ENGINEERING_RESEARCH_CENTER", "TECH_BUSINESS_INCUBATOR"))
                .body("items[1].fields", contains("电子信息", "先进装备"));

        // The same file again is no change: nothing updated, no new events.
        given().contentType("text/csv; charset=UTF-8")
                .body(valid)
                .queryParam("dryRun", false)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(200)
                .body("unchanged", equalTo(2))
                .body("created", equalTo(0))
                .body("updated", equalTo(0));

        String id =
                given().queryParam("q", tag + "孵化器")
                        .get("/api/v1/platforms")
                        .then()
                        .extract()
                        .path("items[0].id");
        assertThat(
                        TopicReader.readUntil(
                                        bootstrapServers,
                                        "registry.platform.v1",
                                        Duration.ofSeconds(5),
                                        read -> false)
                                .stream()
                                .filter(m -> id.equals(m.key()))
                                .count())
                .isEqualTo(1);
    }

    /**
     * New rows skip Hibernate (one insert per chunk): what they store must read as an API create
     * does.
     */
    @Test
    void anImportedPlatformReadsBackAsOneCreatedThroughTheApi() throws Exception {
        String tag = unique("同构");
        String hostUscc = uscc("430702");
        importCsv(
                "/api/v1/organizations/import",
                "uscc,nameZh,kind,regionCode\n" + hostUscc + "," + tag + "依托公司,ENTERPRISE,430702\n",
                false,
                200);
        String hostId =
                given().queryParam("q", tag + "依托公司")
                        .get("/api/v1/organizations")
                        .then()
                        .extract()
                        .path("items[0].id");
        importCsv(
                "/api/v1/platforms/import",
                "nameZh,nameEn,aliases,type,level,regionCode,fields,accreditedOn,accreditationNo,"
                        + "hosts,floorAreaM2,tenants,graduates\n"
                        + tag
                        + "导入孵化器,Incubator,甲"
                        + tag
                        + ";乙,TECH_BUSINESS_INCUBATOR,PROVINCIAL,430702,电子信息;先进装备,2016-03-01,"
                        + "湘科发〔2016〕3号,"
                        + hostUscc
                        + ",12500.5,80,12\n",
                false,
                200);
        String created =
                given().contentType("application/json")
                        .body(
                                """
                {"nameZh":"%s接口孵化器","nameEn":"Incubator","aliases":["甲%s","乙"],"type":"TECH_BUSINESS_INCUBATOR",
                 "level":"PROVINCIAL","regionCode":"430702","fields":["电子信息","先进装备"],"accreditedOn":"2016-03-01",
                 "accreditationNo":"湘科发〔2016〕3号","hostIds":["%s"],"detail":{"floorAreaM2":12500.5,"tenants":80,"graduates":12}}
                """
                                        .formatted(tag, tag, hostId))
                        .post("/api/v1/platforms")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");

        // found by an alias (the search text), shown as the API-made one but for its own id, name
        // and times
        given().queryParam("q", "甲" + tag)
                .queryParam("sort", "name")
                .get("/api/v1/platforms")
                .then()
                .body(
                        "items.nameZh",
                        contains(tag + "导入孵化器", tag + "接口孵化器")); // both carry the alias
        String imported =
                given().queryParam("q", tag + "导入孵化器")
                        .get("/api/v1/platforms")
                        .then()
                        .body("items.nameZh", contains(tag + "导入孵化器"))
                        .extract()
                        .path("items[0].id");
        Map<String, Object> viaImport =
                given().get("/api/v1/platforms/" + imported)
                        .then()
                        .statusCode(200)
                        .header("ETag", "\"1\"")
                        .extract()
                        .as(Map.class);
        Map<String, Object> viaApi =
                given().get("/api/v1/platforms/" + created)
                        .then()
                        .statusCode(200)
                        .extract()
                        .as(Map.class);
        for (String own : List.of("id", "nameZh", "createdAt", "updatedAt")) {
            assertThat(viaImport.remove(own)).as(own).isNotNull();
            viaApi.remove(own);
        }
        assertThat(viaImport).isEqualTo(viaApi);
        given().get("/api/v1/platforms/" + imported + "/history")
                .then()
                .statusCode(200)
                .body("items.change", contains("ACCREDITED"))
                .body("items.effectiveOn", contains("2016-03-01"));
        given().queryParam("host", hostId)
                .queryParam("q", tag)
                .get("/api/v1/platforms")
                .then()
                .body("items", hasSize(2));
    }

    /**
     * A file larger than one chunk (500 rows), mixing new, changed and unchanged rows: each record
     * is created or updated once, with its history step, audit row and one event, and nothing else
     * is.
     */
    @Test
    void aLargeFileIsAppliedChunkByChunkOnceEach() throws Exception {
        String tag = unique("批量");
        StringBuilder first = new StringBuilder("名称,类型,级别,地区代码\n");
        for (int n = 0; n < 700; n++) {
            first.append(tag).append("众创空间").append(n).append(",众创空间,市级,430702\n");
        }
        importCsv("/api/v1/platforms/import", first.toString(), false, 200);
        // 0–299 move up to provincial level, 300–699 stay as they are, 700–1299 are new
        StringBuilder second = new StringBuilder("名称,类型,级别,地区代码\n");
        for (int n = 0; n < 1300; n++) {
            second.append(tag)
                    .append("众创空间")
                    .append(n)
                    .append(",众创空间,")
                    .append(n < 300 ? "省级" : "市级")
                    .append(",430702\n");
        }
        given().contentType("text/csv; charset=UTF-8")
                .body(second.toString())
                .queryParam("dryRun", true)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(600))
                .body("updated", equalTo(300))
                .body("unchanged", equalTo(400)); // what the real run does
        given().contentType("text/csv; charset=UTF-8")
                .body(second.toString())
                .queryParam("dryRun", false)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(600))
                .body("updated", equalTo(300))
                .body("unchanged", equalTo(400));

        try (Connection connection = dataSource.getConnection();
                PreparedStatement counts =
                        connection.prepareStatement(
                                """
                        SELECT (SELECT count(*) FROM platform WHERE name_zh LIKE ?1),
                               (SELECT count(*) FROM platform WHERE name_zh LIKE ?1 AND level = 'PROVINCIAL'),
                               (SELECT count(*) FROM platform_history h JOIN platform p ON p.id = h.platform_id
                                 WHERE p.name_zh LIKE ?1),
                               (SELECT count(*) FROM outbox_event e JOIN platform p ON CAST(p.id AS text) = e.aggregate_id
                                 WHERE p.name_zh LIKE ?1),
                               (SELECT count(DISTINCT e.aggregate_id || ':' || e.sequence) FROM outbox_event e
                                  JOIN platform p ON CAST(p.id AS text) = e.aggregate_id WHERE p.name_zh LIKE ?1),
                               (SELECT count(*) FROM audit_log a JOIN platform p ON CAST(p.id AS text) = a.aggregate_id
                                 WHERE p.name_zh LIKE ?1)
                        """
                                        .replace("?1", "?"))) {
            for (int i = 1; i <= 6; i++) {
                counts.setString(i, tag + "%");
            }
            try (ResultSet row = counts.executeQuery()) {
                row.next();
                assertThat(row.getLong(1)).as("platforms").isEqualTo(1300);
                assertThat(row.getLong(2)).as("moved up").isEqualTo(300);
                assertThat(row.getLong(3))
                        .as("history: 1300 accreditations, 300 level changes")
                        .isEqualTo(1600);
                assertThat(row.getLong(4)).as("events: 1300 created, 300 updated").isEqualTo(1600);
                assertThat(row.getLong(5)).as("one event per version").isEqualTo(1600);
                assertThat(row.getLong(6)).as("audit rows").isEqualTo(1600);
            }
        }
        given().get("/api/v1/platforms/" + idOf(tag + "众创空间1299") + "/history")
                .then()
                .statusCode(200)
                .body("items.change", contains("ACCREDITED"));
        given().get("/api/v1/platforms/" + idOf(tag + "众创空间5") + "/history")
                .then()
                .statusCode(200)
                .body("items.change", contains("ACCREDITED", "LEVEL_CHANGED"));
    }

    private String idOf(String name) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query =
                        connection.prepareStatement(
                                "SELECT CAST(id AS text) FROM platform WHERE name_zh = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as(name).isTrue();
                return row.getString(1);
            }
        }
    }

    @Test
    void aFileNamesEachRecordOnce() {
        String tag = unique("重复");
        given().contentType("text/csv; charset=UTF-8")
                .body(
                        "名称,类型,级别,地区代码\n"
                                + tag
                                + ",众创空间,市级,430702\n"
                                + tag
                                + "乙,众创空间,市级,430702\n"
                                + " "
                                + tag
                                + " ,众创空间,省级,430702\n")
                .queryParam("dryRun", false)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("report.invalid", equalTo(1))
                .body("report.errors[0].line", equalTo(4))
                .body("report.errors[0].field", equalTo("row"))
                .body("report.errors[0].message", containsString("line 2"));
        given().queryParam("q", tag).get("/api/v1/platforms").then().body("items", empty());
    }

    @Test
    void unreadableFilesAreProblems() {
        given().contentType("text/csv; charset=UTF-8")
                .body("名称,类型\n\"unterminated,x\n")
                .queryParam("dryRun", false)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().contentType("text/csv; charset=UTF-8")
                .body("名称,颜色\nx,red\n")
                .queryParam("dryRun", false)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("header"))
                .body("detail", containsString("颜色"));
        given().contentType("text/csv; charset=UTF-8")
                .body("名称,类型\n")
                .queryParam("dryRun", false)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(400);
        given().contentType("text/csv; charset=UTF-8")
                .body("")
                .queryParam("dryRun", false)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(400);
        given().contentType("application/json")
                .body("{}")
                .queryParam("dryRun", false)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(415);
    }

    @Test
    void exportStreamsTheRegistryInTheImportFormat() {
        String tag = unique("导出");
        importCsv(
                "/api/v1/platforms/import",
                "nameZh,nameEn,type,level,regionCode,fields,accreditedOn\n"
                        + tag
                        + ",\"Export, with a comma\",KEY_LABORATORY,PROVINCIAL,430400,materials;optics,2019-05-05\n",
                false,
                200);

        String csv =
                given().queryParam("format", "csv")
                        .get("/api/v1/platforms/export")
                        .then()
                        .statusCode(200)
                        .contentType(containsString("text/csv"))
                        .extract()
                        .asString();
        assertThat(csv).startsWith("\uFEFF"); // a UTF-8 byte-order mark, for Excel
        assertThat(csv.substring(1).lines().findFirst())
                .contains(
                        "id,nameZh,nameEn,aliases,type,level,status,regionCode,fields,accreditedOn,accreditationNo,website,hosts,"
                                + "partnerEnterprise,floorAreaM2,tenants,graduates,academicians,members,version,updatedAt");
        assertThat(csv)
                .contains(
                        tag
                                + ",\"Export, with a comma\",,KEY_LABORATORY,PROVINCIAL,ACTIVE,430400,materials;optics,2019-05-05");

        String jsonl =
                given().queryParam("format", "jsonl")
                        .get("/api/v1/platforms/export")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(jsonl.lines().filter(line -> line.contains(tag)).findFirst())
                .hasValueSatisfying(
                        line ->
                                assertThat(line)
                                        .contains(
                                                "\"fields\":[\"materials\",\"optics\"]",
                                                "\"regionCode\":\"430400\""));

        // What the export wrote imports again as no change.
        given().contentType("text/csv; charset=UTF-8")
                .body(csv)
                .queryParam("dryRun", true)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(200)
                .body("invalid", equalTo(0))
                .body("created", equalTo(0));
        given().queryParam("format", "xml").get("/api/v1/platforms/export").then().statusCode(400);
    }
}
