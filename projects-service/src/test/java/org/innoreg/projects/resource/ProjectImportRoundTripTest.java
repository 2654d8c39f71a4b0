package org.innoreg.projects.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.innoreg.testsupport.CsvFiles.rowsOf;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.innoreg.testsupport.CsvFiles;
import org.innoreg.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's round trips for projects: an export imports again as no change, and an anonymous
 * export (which leaves the unpublished responsibleOfficial column out) imported with a token keeps
 * the officials.
 */
@QuarkusTest
class ProjectImportRoundTripTest {

    private static final String ADMIN = "Bearer " + TestTokens.admin();

    static ValidatableResponse importCsv(String csv, boolean dryRun) {
        return CsvFiles.importAsAdmin("/api/v1/projects/import", csv, dryRun);
    }

    static String load(String tag) {
        importCsv(
                        "项目名称,投资方,资金来源,项目类型,产业链,地区代码,计划投资,预计年产值,责任领导,调度频次,阶段,阶段日期,签约日期,落地日期\n"
                                + tag
                                + "复星基地,上海复星医药,内资,产业投资,生物医药,430790,1200000000,1800000000,常务副市长,MONTHLY,LANDED,"
                                + "2018-06-01,2018-03-15,2018-06-01\n"
                                + tag
                                + "澧县项目,常德投资企业,内资,产业投资,食品加工,430723,120000000,,分管副县长,QUARTERLY,SIGNED,2019-05-01,2019-05-01,\n",
                        false)
                .statusCode(200)
                .body("created", equalTo(2));
        return given().header("Authorization", ADMIN)
                .queryParam("q", tag + "复星基地")
                .get("/api/v1/projects")
                .then()
                .extract()
                .path("items[0].id");
    }

    @Test
    void anAnonymousExportLeavesTheOfficialOutAndImportingItKeepsIt() {
        String tag = "往返" + System.nanoTime();
        String id = load(tag);

        String anonymous =
                rowsOf(
                        given().get("/api/v1/projects/export")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString(),
                        tag);
        assertThat(anonymous.lines().findFirst().orElseThrow().split(","))
                .doesNotContain("responsibleOfficial");
        assertThat(anonymous).doesNotContain("常务副市长");
        assertThat(anonymous.lines().count()).isEqualTo(3);
        String jsonl =
                given().queryParam("format", "jsonl")
                        .get("/api/v1/projects/export")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(jsonl).doesNotContain("responsibleOfficial");

        importCsv(anonymous, true)
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("unchanged", equalTo(2))
                .body("updated", equalTo(0))
                .body("created", equalTo(0));
        importCsv(anonymous, false)
                .statusCode(200)
                .body("unchanged", equalTo(2))
                .body("updated", equalTo(0));
        given().header("Authorization", ADMIN)
                .get("/api/v1/projects/" + id)
                .then()
                .header("ETag", "\"1\"")
                .body("responsibleOfficial", equalTo("常务副市长"));
        given().get("/api/v1/projects/" + id + "/changes").then().body("items", hasSize(1));

        // An authenticated reader's export carries the column, and imports again as no change too.
        String full =
                rowsOf(
                        given().header("Authorization", ADMIN)
                                .get("/api/v1/projects/export")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString(),
                        tag);
        assertThat(full).contains("常务副市长");
        importCsv(full, true)
                .statusCode(200)
                .body("unchanged", equalTo(2))
                .body("updated", equalTo(0));
        importCsv(full, false)
                .statusCode(200)
                .body("unchanged", equalTo(2))
                .body("updated", equalTo(0));

        // One edited row: the dry run says one update, changes nothing, and the real run does just
        // that.
        String edited = full.replace("常务副市长", "市长");
        importCsv(edited, true)
                .statusCode(200)
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(1));
        given().header("Authorization", ADMIN)
                .get("/api/v1/projects/" + id)
                .then()
                .header("ETag", "\"1\"")
                .body("responsibleOfficial", equalTo("常务副市长"));
        importCsv(edited, false)
                .statusCode(200)
                .body("updated", equalTo(1))
                .body("unchanged", equalTo(1));
        given().header("Authorization", ADMIN)
                .get("/api/v1/projects/" + id)
                .then()
                .header("ETag", "\"2\"")
                .body("responsibleOfficial", equalTo("市长"));
    }

    @Test
    void aRenamedRowWithItsIdIsOneUpdate() {
        String tag = "改名" + System.nanoTime();
        String id = load(tag);
        String full =
                rowsOf(
                        given().header("Authorization", ADMIN)
                                .get("/api/v1/projects/export")
                                .then()
                                .extract()
                                .asString(),
                        tag);
        String renamed = full.replace(tag + "复星基地,", tag + "复星医药基地,");
        for (boolean dryRun : new boolean[] {true, false}) {
            importCsv(renamed, dryRun)
                    .statusCode(200)
                    .body("created", equalTo(0))
                    .body("updated", equalTo(1))
                    .body("unchanged", equalTo(1));
        }
        given().get("/api/v1/projects/" + id).then().body("name", equalTo(tag + "复星医药基地"));
        given().queryParam("q", tag).get("/api/v1/projects").then().body("items", hasSize(2));
    }

    /**
     * Issue 15, cells as people type them: amounts with separators and 万元/亿元, Chinese stages and
     * cadences, dates.
     */
    @Test
    void amountsStagesAndDatesAsPeopleTypeThem() {
        String tag = "格式" + System.nanoTime();
        importCsv(
                        "项目名称,投资方,资金来源,项目类型,产业链,地区代码,计划投资（万元）,预计年产值,调度频次,阶段,阶段日期,签约日期\r\n"
                                + tag
                                + "甲,投资方甲,内资,产业投资,新材料,430703,\"120,000\",18亿元,月度,签约,2018/3/15,2018年3月15日\r\n"
                                + tag
                                + "乙,投资方乙,内资,产业投资,新材料,430703,5000,\"3,000,000元\",季度,SIGNED,2018.3.15,2018-03-15\r\n"
                                + ",,,,,,,,,,,\r\n",
                        false)
                .statusCode(200)
                .body("rows", equalTo(2))
                .body("created", equalTo(2));
        given().queryParam("q", tag)
                .queryParam("sort", "name")
                .get("/api/v1/projects")
                .then()
                .body(
                        "items.plannedInvestment",
                        org.hamcrest.Matchers.contains(
                                50000000.00f, 1200000000.00f)) // 乙 sorts before 甲
                .body(
                        "items.expectedAnnualOutput",
                        org.hamcrest.Matchers.contains(3000000.00f, 1800000000.00f))
                .body("items.reviewCadence", org.hamcrest.Matchers.contains("QUARTERLY", "MONTHLY"))
                .body("items.stage", org.hamcrest.Matchers.contains("SIGNED", "SIGNED"))
                .body("items.signedOn", org.hamcrest.Matchers.contains("2018-03-15", "2018-03-15"));
    }

    @Test
    void anImportIsADryRunByDefault() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/projects/import'.post.parameters.find { it.name == 'dryRun' }.schema.default",
                        equalTo(true));
        String tag = "默认" + System.nanoTime();
        given().header("Authorization", ADMIN)
                .contentType("text/csv; charset=UTF-8")
                .body(
                        "项目名称,投资方,资金来源,项目类型,产业链,地区代码,计划投资,阶段,阶段日期,签约日期\n"
                                + tag
                                + ",投资方,内资,产业投资,新材料,430703,100000000,SIGNED,2018-03-15,2018-03-15\n")
                .post("/api/v1/projects/import")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("created", equalTo(1));
        given().queryParam("q", tag).get("/api/v1/projects").then().body("items", hasSize(0));
    }

    @Test
    void theExportTakesTheListsFilters() {
        String tag = "筛选" + System.nanoTime();
        load(tag);
        assertThat(
                        given().queryParam("region", "430790")
                                .get("/api/v1/projects/export")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                .contains(tag + "复星基地")
                .doesNotContain(tag + "澧县项目");
        assertThat(
                        given().queryParam("stage", "SIGNED")
                                .queryParam("format", "jsonl")
                                .get("/api/v1/projects/export")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                .contains(tag + "澧县项目")
                .doesNotContain(tag + "复星基地");
        assertThat(
                        given().queryParam("region", "430700")
                                .queryParam("signedYear", 2018)
                                .queryParam("tier", "FROM_1B")
                                .get("/api/v1/projects/export")
                                .then()
                                .statusCode(200)
                                .extract()
                                .asString())
                .contains(tag + "复星基地")
                .doesNotContain(tag + "澧县项目");
        given().queryParam("stage", "DREAMING")
                .get("/api/v1/projects/export")
                .then()
                .statusCode(400);
    }
}
