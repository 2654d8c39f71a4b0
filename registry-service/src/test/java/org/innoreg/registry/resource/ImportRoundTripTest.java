package org.innoreg.registry.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.innoreg.registry.support.Fixtures.platform;
import static org.innoreg.registry.support.Fixtures.unique;
import static org.innoreg.registry.support.Fixtures.uscc;
import static org.innoreg.testsupport.CsvFiles.rowsOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.innoreg.testsupport.CsvFiles;
import org.innoreg.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's round trips for organisations and platforms: what an export carries imports again as
 * no change, an anonymous export included, and a file without a column never changes that field.
 */
@QuarkusTest
class ImportRoundTripTest {

    private static final String ADMIN = "Bearer " + TestTokens.admin();

    static ValidatableResponse importCsv(String path, String csv, boolean dryRun) {
        return CsvFiles.importAsAdmin(path, csv, dryRun);
    }

    private static String[] load(String tag) {
        String hostUscc = uscc("430702");
        String memberUscc = uscc("430703");
        importCsv(
                        "/api/v1/organizations/import",
                        "统一社会信用代码,名称,英文名称,别名,类型,地区代码,资质\n"
                                + hostUscc
                                + ","
                                + tag
                                + "金健米业,Jinjian,金健;"
                                + tag
                                + "金健米业股份,企业,430702,"
                                + "高新技术企业:2018-10-17;专精特新中小企业:2019-01-01:2021-12-31:湘2019-07\n"
                                + memberUscc
                                + ","
                                + tag
                                + "成员单位,,,企业,430703,\n",
                        false)
                .statusCode(200)
                .body("created", equalTo(2));
        importCsv(
                        "/api/v1/platforms/import",
                        "名称,英文名称,别名,类型,级别,状态,地区代码,领域,认定日期,认定文号,依托单位,"
                                + "场地面积,在孵企业数,毕业企业数,网址\n"
                                + tag
                                + "孵化器,Incubator,甲;乙,科技企业孵化器,国家级,ACTIVE,430702,电子信息;先进装备,2016-03-01,国科发〔2016〕1号,"
                                + hostUscc
                                + ",12500.50,80,12,https://fhq.example.cn\n",
                        false)
                .statusCode(200)
                .body("created", equalTo(1));
        importCsv(
                        "/api/v1/platforms/import",
                        "名称,类型,级别,地区代码,成员单位\n"
                                + tag
                                + "联盟,产业技术创新战略联盟,省级,430702,"
                                + hostUscc
                                + ";"
                                + memberUscc
                                + "\n",
                        false)
                .statusCode(200)
                .body("created", equalTo(1));
        return new String[] {hostUscc, memberUscc};
    }

    /**
     * A row of an export whose platform changed after the export is refused, naming both versions,
     * instead of silently undoing the change; exported again, the file imports as no change.
     */
    @Test
    void anExportImportedAfterTheRecordChangedIsRefusedNotALostUpdate() {
        String tag = unique("过期导出");
        String id =
                given().header("Authorization", ADMIN)
                        .contentType("application/json")
                        .body(platform(tag, "MAKER_SPACE", "MUNICIPAL", "430702", null))
                        .post("/api/v1/platforms")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id");
        String export =
                rowsOf(
                        given().queryParam("region", "430702")
                                .get("/api/v1/platforms/export")
                                .then()
                                .extract()
                                .asString(),
                        tag);
        given().header("Authorization", ADMIN)
                .header("If-Match", "\"1\"")
                .contentType("application/json")
                .body(
                        platform(
                                tag,
                                "MAKER_SPACE",
                                "MUNICIPAL",
                                "430702",
                                "\"website\":\"https://example.cn/later\""))
                .put("/api/v1/platforms/" + id)
                .then()
                .statusCode(200);
        importCsv("/api/v1/platforms/import", export, true)
                .statusCode(200)
                .body("invalid", equalTo(1))
                .body("errors[0].field", equalTo("version"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("1"));
        importCsv("/api/v1/platforms/import", export, false).statusCode(422);
        given().get("/api/v1/platforms/" + id)
                .then()
                .body("website", equalTo("https://example.cn/later"))
                .body("version", equalTo(2));
        String again =
                rowsOf(
                        given().queryParam("region", "430702")
                                .get("/api/v1/platforms/export")
                                .then()
                                .extract()
                                .asString(),
                        tag);
        importCsv("/api/v1/platforms/import", again, true)
                .statusCode(200)
                .body("unchanged", equalTo(1));
        // the clerk's own edit imported twice (a retry): the second changes nothing, so it passes
        String edited = again.replace("https://example.cn/later", "https://example.cn/edited");
        importCsv("/api/v1/platforms/import", edited, false)
                .statusCode(200)
                .body("updated", equalTo(1));
        importCsv("/api/v1/platforms/import", edited, true)
                .statusCode(200)
                .body("invalid", equalTo(0))
                .body("unchanged", equalTo(1));
    }

    /**
     * A name a spreadsheet would run as a formula is exported behind an apostrophe (Excel shows it
     * as text) and imported back as it was.
     */
    @Test
    void aNameThatLooksLikeAFormulaIsExportedAsTextAndComesBackUnchanged() {
        String tag = unique("公式");
        String name = "=SUM(1+2)" + tag;
        given().header("Authorization", ADMIN)
                .contentType("application/json")
                .body(platform(name, "MAKER_SPACE", "MUNICIPAL", "430702", null))
                .post("/api/v1/platforms")
                .then()
                .statusCode(201);
        String export =
                rowsOf(
                        given().queryParam("region", "430702")
                                .get("/api/v1/platforms/export")
                                .then()
                                .extract()
                                .asString(),
                        tag);
        assertThat(export.lines().skip(1).toList())
                .singleElement()
                .satisfies(
                        row ->
                                assertThat(row)
                                        .contains("\"'" + name + "\"")
                                        .doesNotContain("\"" + name)
                                        .doesNotContain("," + name));
        importCsv("/api/v1/platforms/import", export, true)
                .statusCode(200)
                .body("unchanged", equalTo(1))
                .body("updated", equalTo(0));
    }

    @Test
    void anAnonymousExportImportedWithATokenChangesNothing() {
        String tag = unique("往返");
        load(tag);
        String platformId =
                given().queryParam("q", tag + "孵化器")
                        .get("/api/v1/platforms")
                        .then()
                        .extract()
                        .path("items[0].id");
        String orgId =
                given().queryParam("q", tag + "金健米业")
                        .get("/api/v1/organizations")
                        .then()
                        .extract()
                        .path("items[0].id");

        String organizations =
                rowsOf(
                        given().get("/api/v1/organizations/export")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString(),
                        tag);
        assertThat(organizations.lines().count()).isEqualTo(3);
        for (boolean dryRun :
                new boolean[] {true, false}) { // the dry run says what the real run then does
            importCsv("/api/v1/organizations/import", organizations, dryRun)
                    .statusCode(200)
                    .body("dryRun", equalTo(dryRun))
                    .body("unchanged", equalTo(2))
                    .body("updated", equalTo(0))
                    .body("created", equalTo(0));
        }

        String platforms =
                rowsOf(
                        given().get("/api/v1/platforms/export")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString(),
                        tag);
        assertThat(platforms.lines().count()).isEqualTo(3);
        for (boolean dryRun : new boolean[] {true, false}) {
            importCsv("/api/v1/platforms/import", platforms, dryRun)
                    .statusCode(200)
                    .body("dryRun", equalTo(dryRun))
                    .body("unchanged", equalTo(2))
                    .body("updated", equalTo(0))
                    .body("created", equalTo(0));
        }

        given().get("/api/v1/platforms/" + platformId)
                .then()
                .header("ETag", "\"1\"")
                .body("detail.floorAreaM2", equalTo(12500.5f))
                .body("aliases", contains("甲", "乙"))
                .body("website", equalTo("https://fhq.example.cn"));
        given().get("/api/v1/platforms/" + platformId + "/changes")
                .then()
                .body("items", hasSize(1));
        given().get("/api/v1/organizations/" + orgId)
                .then()
                .header("ETag", "\"1\"")
                .body("certifications", hasSize(2));
    }

    /**
     * Dry run and real run agree row for row: created, updated, unchanged; and the dry run changes
     * nothing.
     */
    @Test
    void theDryRunCountsWhatTheRealRunDoes() {
        String tag = unique("演练");
        load(tag);
        String platformId =
                given().queryParam("q", tag + "孵化器")
                        .get("/api/v1/platforms")
                        .then()
                        .extract()
                        .path("items[0].id");
        String platforms =
                rowsOf(given().get("/api/v1/platforms/export").then().extract().asString(), tag);
        String edited =
                platforms.replace(tag + "孵化器,Incubator", tag + "孵化器,Incubator (edited)")
                        + ","
                        + tag
                        + "新平台,,,KEY_LABORATORY,MUNICIPAL,ACTIVE,430702"
                        // the export's other columns empty, however many it has
                        + ","
                                .repeat(
                                        platforms
                                                        .lines()
                                                        .findFirst()
                                                        .orElseThrow()
                                                        .split(",")
                                                        .length
                                                - 8)
                        + "\n";
        assertThat(edited).contains("Incubator (edited)");
        ValidatableResponse dry =
                importCsv("/api/v1/platforms/import", edited, true).statusCode(200);
        dry.body("created", equalTo(1)).body("updated", equalTo(1)).body("unchanged", equalTo(1));
        given().get("/api/v1/platforms/" + platformId)
                .then()
                .header("ETag", "\"1\"")
                .body("nameEn", equalTo("Incubator"));
        given().queryParam("q", tag + "新平台")
                .get("/api/v1/platforms")
                .then()
                .body("items", hasSize(0));
        importCsv("/api/v1/platforms/import", edited, false)
                .statusCode(200)
                .body("created", equalTo(1))
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(1));
        given().get("/api/v1/platforms/" + platformId)
                .then()
                .header("ETag", "\"2\"")
                .body("nameEn", equalTo("Incubator (edited)"));
    }

    /**
     * Every error of every row, with the column as the file names it, the value, and what would be
     * valid.
     */
    @Test
    void theReportListsEveryErrorOfEveryRow() {
        String tag = unique("报错");
        String csv =
                "名称,类型,级别,地区代码,认定日期,在孵企业数\n"
                        + tag
                        + "甲,宇宙飞船,国家级,430702,2011-13-01,很多\n"
                        + tag
                        + "乙,众创空间,,4307X2,2011-10-01,-3\n"
                        + ",众创空间,市级,430702,,\n";
        ValidatableResponse report =
                importCsv("/api/v1/platforms/import", csv, true)
                        .statusCode(200)
                        .body("rows", equalTo(3))
                        .body("invalid", equalTo(3));
        report.body(
                        "errors.findAll { it.line == 2 }.column",
                        org.hamcrest.Matchers.containsInAnyOrder("类型", "认定日期", "在孵企业数"))
                .body("errors.find { it.line == 2 && it.field == 'type' }.value", equalTo("宇宙飞船"))
                .body(
                        "errors.find { it.line == 2 && it.field == 'type' }.message",
                        org.hamcrest.Matchers.containsString("MAKER_SPACE (众创空间)"))
                .body(
                        "errors.find { it.line == 2 && it.field == 'accreditedOn' }.value",
                        equalTo("2011-13-01"))
                .body(
                        "errors.findAll { it.line == 3 }.column",
                        org.hamcrest.Matchers.hasItems("级别", "地区代码", "在孵企业数"))
                .body(
                        "errors.find { it.line == 3 && it.field == 'regionCode' }.value",
                        equalTo("4307X2"))
                .body(
                        "errors.find { it.line == 3 && it.field == 'level' }.message",
                        org.hamcrest.Matchers.containsString("required"))
                .body("errors.find { it.line == 4 }.column", equalTo("名称"));
        importCsv("/api/v1/platforms/import", csv, false)
                .statusCode(422)
                .body("report.invalid", equalTo(3))
                .body("report.errors.size()", org.hamcrest.Matchers.greaterThanOrEqualTo(7));
    }

    /**
     * A row with an id updates that record: a renamed row in an exported file is one update, not a
     * new record.
     */
    @Test
    void aRowWithAnIdIsThatRecordSoARenameIsAnUpdate() {
        String tag = unique("改名");
        String[] usccs = load(tag);
        String platformId =
                given().queryParam("q", tag + "孵化器")
                        .get("/api/v1/platforms")
                        .then()
                        .extract()
                        .path("items[0].id");
        String platforms =
                rowsOf(given().get("/api/v1/platforms/export").then().extract().asString(), tag);
        String renamed = platforms.replace(tag + "孵化器,", tag + "国家级孵化器,");
        for (boolean dryRun : new boolean[] {true, false}) {
            importCsv("/api/v1/platforms/import", renamed, dryRun)
                    .statusCode(200)
                    .body("created", equalTo(0))
                    .body("updated", equalTo(1))
                    .body("unchanged", equalTo(1));
        }
        given().get("/api/v1/platforms/" + platformId)
                .then()
                .header("ETag", "\"2\"")
                .body("nameZh", equalTo(tag + "国家级孵化器"));
        given().queryParam("q", tag)
                .get("/api/v1/platforms")
                .then()
                .body("items", hasSize(2)); // no second incubator

        // an organisation's USCC corrected through its id
        String orgId =
                given().queryParam("q", tag + "成员单位")
                        .get("/api/v1/organizations")
                        .then()
                        .extract()
                        .path("items[0].id");
        String corrected = uscc("430703");
        importCsv(
                        "/api/v1/organizations/import",
                        "id,uscc,nameZh,kind,regionCode\n"
                                + orgId
                                + ","
                                + corrected
                                + ","
                                + tag
                                + "成员单位,ENTERPRISE,430703\n",
                        false)
                .statusCode(200)
                .body("updated", equalTo(1))
                .body("created", equalTo(0));
        given().get("/api/v1/organizations/" + orgId).then().body("uscc", equalTo(corrected));
        assertThat(usccs[1]).isNotEqualTo(corrected);

        // an id no record has is refused, not created; one record named twice (by id and by name)
        // is refused
        String unknown = java.util.UUID.randomUUID().toString();
        importCsv(
                        "/api/v1/platforms/import",
                        "id,名称,类型,级别,地区代码\n" + unknown + "," + tag + "幽灵,众创空间,市级,430702\n",
                        true)
                .statusCode(200)
                .body("invalid", equalTo(1))
                .body("errors[0].field", equalTo("id"))
                .body("errors[0].value", equalTo(unknown));
        importCsv(
                        "/api/v1/platforms/import",
                        "id,名称,类型,级别,地区代码\n"
                                + platformId
                                + ","
                                + tag
                                + "国家级孵化器,科技企业孵化器,省级,430702\n"
                                + ","
                                + tag
                                + "国家级孵化器,科技企业孵化器,市级,430702\n",
                        false)
                .statusCode(422)
                .body("report.errors[0].line", equalTo(3))
                .body("report.errors[0].message", org.hamcrest.Matchers.containsString("line 2"));
        importCsv(
                        "/api/v1/platforms/import",
                        "id,名称,类型,级别,地区代码\n"
                                + platformId
                                + ",甲,科技企业孵化器,省级,430702\n"
                                + platformId
                                + ",乙,科技企业孵化器,省级,430702\n",
                        false)
                .statusCode(422)
                .body("report.errors[0].line", equalTo(3));
    }

    /**
     * An import is a dry run unless the caller says dryRun=false, and Swagger UI pre-fills the safe
     * default.
     */
    @Test
    void anImportIsADryRunUnlessTheCallerSaysOtherwise() {
        String tag = unique("默认");
        given().header("Authorization", ADMIN)
                .contentType("text/csv; charset=UTF-8")
                .body("名称,类型,级别,地区代码\n" + tag + "众创空间,众创空间,市级,430702\n")
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("created", equalTo(1));
        given().queryParam("q", tag).get("/api/v1/platforms").then().body("items", hasSize(0));
        for (String path :
                new String[] {"/api/v1/platforms/import", "/api/v1/organizations/import"}) {
            given().queryParam("format", "json")
                    .get("/q/openapi")
                    .then()
                    .statusCode(200)
                    .body(
                            "paths.'"
                                    + path
                                    + "'.post.parameters.find { it.name == 'dryRun' }.schema.default",
                            equalTo(true));
        }
    }

    /**
     * The export takes the list's filters: a bureau exports its own region and imports it again.
     */
    @Test
    void theExportTakesTheListsFilters() {
        String tag = unique("筛选");
        load(tag);
        String national =
                given().queryParam("region", "430700")
                        .queryParam("level", "NATIONAL")
                        .get("/api/v1/platforms/export")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(national).contains(tag + "孵化器").doesNotContain(tag + "联盟");
        String alliances =
                given().queryParam("type", "INNOVATION_ALLIANCE")
                        .queryParam("type", "KEY_LABORATORY")
                        .queryParam("status", "ACTIVE")
                        .queryParam("format", "jsonl")
                        .get("/api/v1/platforms/export")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(alliances).contains(tag + "联盟").doesNotContain(tag + "孵化器");
        String hengyang =
                given().queryParam("region", "430400")
                        .get("/api/v1/platforms/export")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(hengyang).doesNotContain(tag);
        // the region's own export imports again with a token for that region only
        String changde =
                "Bearer "
                        + TestTokens.token(
                                "changde",
                                java.util.List.of("registry-editor"),
                                java.util.List.of("430700"));
        String own =
                rowsOf(
                        given().queryParam("region", "430702")
                                .get("/api/v1/platforms/export")
                                .then()
                                .extract()
                                .asString(),
                        tag);
        given().header("Authorization", changde)
                .contentType("text/csv; charset=UTF-8")
                .body(own)
                .queryParam("dryRun", false)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(200)
                .body("unchanged", equalTo(2));
        given().queryParam("region", "4307").get("/api/v1/platforms/export").then().statusCode(400);
        assertThat(
                        given().queryParam("region", "430703")
                                .queryParam("kind", "ENTERPRISE")
                                .get("/api/v1/organizations/export")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                .contains(tag + "成员单位")
                .doesNotContain(tag + "金健米业");
    }

    @Test
    void aFileWithoutAColumnNeverChangesThatField() {
        String tag = unique("缺列");
        String[] usccs = load(tag);
        String platformId =
                given().queryParam("q", tag + "孵化器")
                        .get("/api/v1/platforms")
                        .then()
                        .extract()
                        .path("items[0].id");
        String allianceId =
                given().queryParam("q", tag + "联盟")
                        .get("/api/v1/platforms")
                        .then()
                        .extract()
                        .path("items[0].id");

        // Only the level changes: hosts, fields, aliases, dates, status and the incubator's detail
        // stay.
        importCsv(
                        "/api/v1/platforms/import",
                        "名称,类型,级别,地区代码,在孵企业数\n"
                                + tag
                                + "孵化器,科技企业孵化器,省级,430702,95\n"
                                + tag
                                + "联盟,产业技术创新战略联盟,省级,430702,\n",
                        false)
                .statusCode(200)
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(1));
        given().get("/api/v1/platforms/" + platformId)
                .then()
                .body("level", equalTo("PROVINCIAL"))
                .body("nameEn", equalTo("Incubator"))
                .body("aliases", contains("甲", "乙"))
                .body("fields", contains("电子信息", "先进装备"))
                .body("hostIds", hasSize(1))
                .body("accreditedOn", equalTo("2016-03-01"))
                .body("accreditationNo", equalTo("国科发〔2016〕1号"))
                .body("website", equalTo("https://fhq.example.cn"))
                .body("detail.floorAreaM2", equalTo(12500.5f))
                .body("detail.tenants", equalTo(95))
                .body("detail.graduates", equalTo(12));
        given().get("/api/v1/platforms/" + allianceId)
                .then()
                .body("detail.memberOrganizationIds", hasSize(2));

        // An organisation file with no certification column keeps the certifications.
        importCsv(
                        "/api/v1/organizations/import",
                        "uscc,nameZh,kind,regionCode\n"
                                + usccs[0]
                                + ","
                                + tag
                                + "金健米业,ENTERPRISE,430702\n",
                        false)
                .statusCode(200)
                .body("unchanged", equalTo(1));
        given().queryParam("q", tag + "金健米业")
                .get("/api/v1/organizations")
                .then()
                .body("items[0].certifications", hasSize(2))
                .body("items[0].nameEn", equalTo("Jinjian"));
    }
}
