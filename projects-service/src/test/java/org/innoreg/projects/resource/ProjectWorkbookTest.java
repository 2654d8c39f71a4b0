package org.innoreg.projects.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.innoreg.testsupport.Workbooks.cell;
import static org.innoreg.testsupport.Workbooks.row;
import static org.innoreg.testsupport.Workbooks.rowsOf;
import static org.innoreg.testsupport.Workbooks.xlsx;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.LocalDate;
import java.util.List;
import org.innoreg.testsupport.TestTokens;
import org.innoreg.testsupport.Workbooks;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, Excel workbooks for projects: amounts are number cells, dates date cells; an anonymous
 * workbook export leaves the unpublished 责任领导 column out, and importing it with a token keeps the
 * officials; a rename is one update.
 */
@QuarkusTest
class ProjectWorkbookTest {

    private static final String ADMIN = "Bearer " + TestTokens.admin();
    private static final String XLSX =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static ValidatableResponse importXlsx(byte[] workbook, boolean dryRun) {
        return given().header("Authorization", ADMIN)
                .contentType(XLSX)
                .body(workbook)
                .queryParam("dryRun", dryRun)
                .post("/api/v1/projects/import")
                .then();
    }

    static List<List<Object>> exportXlsx(RequestSpecification request, String tag) {
        return rowsOf(
                Workbooks.read(
                        request.queryParam("format", "xlsx")
                                .get("/api/v1/projects/export")
                                .then()
                                .statusCode(200)
                                .contentType(XLSX)
                                .extract()
                                .asByteArray()),
                tag);
    }

    @Test
    void anAnonymousWorkbookLeavesTheOfficialOutAndImportsAgainAsNoChange() {
        String tag = "簿往返" + System.nanoTime();
        String id = ProjectImportRoundTripTest.load(tag);

        List<List<Object>> anonymous = exportXlsx(given(), tag);
        assertThat(anonymous).hasSize(3);
        assertThat(anonymous.get(0))
                .contains("项目名称", "计划投资", "签约日期", "地区代码")
                .doesNotContain("责任领导", "responsibleOfficial");
        int fosun = cell(anonymous, 1, "项目名称").equals(tag + "复星基地") ? 1 : 2;
        assertThat(cell(anonymous, fosun, "计划投资")).isEqualTo(1.2e9); // a number cell
        assertThat(cell(anonymous, fosun, "签约日期"))
                .isEqualTo(LocalDate.of(2018, 3, 15)); // a date cell
        assertThat(cell(anonymous, fosun, "地区代码")).isEqualTo("430790"); // a code, as text

        for (boolean dryRun : new boolean[] {true, false}) {
            importXlsx(xlsx(anonymous), dryRun)
                    .statusCode(200)
                    .body("dryRun", equalTo(dryRun))
                    .body("unchanged", equalTo(2))
                    .body("updated", equalTo(0))
                    .body("created", equalTo(0));
        }
        given().header("Authorization", ADMIN)
                .get("/api/v1/projects/" + id)
                .then()
                .header("ETag", "\"1\"")
                .body("responsibleOfficial", equalTo("常务副市长"));

        List<List<Object>> full = exportXlsx(given().header("Authorization", ADMIN), tag);
        assertThat(full.get(0)).contains("责任领导");
        for (boolean dryRun : new boolean[] {true, false}) {
            importXlsx(xlsx(full), dryRun)
                    .statusCode(200)
                    .body("unchanged", equalTo(2))
                    .body("updated", equalTo(0));
        }

        // a renamed row, found by its id: one update, no new project
        int name = full.get(0).indexOf("项目名称");
        full.stream()
                .filter(r -> (tag + "复星基地").equals(r.get(name)))
                .forEach(r -> r.set(name, tag + "复星医药基地"));
        for (boolean dryRun : new boolean[] {true, false}) {
            importXlsx(xlsx(full), dryRun)
                    .statusCode(200)
                    .body("created", equalTo(0))
                    .body("updated", equalTo(1))
                    .body("unchanged", equalTo(1));
        }
        given().get("/api/v1/projects/" + id).then().body("name", equalTo(tag + "复星医药基地"));
        given().queryParam("q", tag).get("/api/v1/projects").then().body("items", hasSize(2));
    }

    @Test
    void amountsInTheHeadersUnitAndBadCellsByRowColumnAndCell() {
        String tag = "簿格式" + System.nanoTime();
        List<Object> header =
                row("项目名称", "投资方", "资金来源", "项目类型", "产业链", "地区代码", "计划投资（万元）", "阶段", "阶段日期", "签约日期");
        importXlsx(
                        xlsx(
                                List.of(
                                        header,
                                        row(
                                                tag + "甲",
                                                "投资方甲",
                                                "内资",
                                                "产业投资",
                                                "新材料",
                                                "430703",
                                                120000,
                                                "签约",
                                                LocalDate.of(2018, 3, 15),
                                                "2018年3月15日")),
                                true),
                        false)
                .statusCode(200)
                .body("rows", equalTo(1))
                .body("created", equalTo(1));
        given().queryParam("q", tag + "甲")
                .get("/api/v1/projects")
                .then()
                .body("items[0].plannedInvestment", equalTo(1.2e9f))
                .body("items[0].stageSince", equalTo("2018-03-15"))
                .body("items[0].signedOn", equalTo("2018-03-15"));

        byte[] bad =
                xlsx(
                        List.of(
                                header,
                                row(
                                        tag + "乙",
                                        "投资方乙",
                                        "内资",
                                        "产业投资",
                                        "新材料",
                                        "430703",
                                        "很多",
                                        "签约",
                                        LocalDate.of(2018, 3, 15),
                                        "2018-02-30")));
        importXlsx(bad, true)
                .statusCode(200)
                .body("invalid", equalTo(1))
                .body("errors.find { it.field == 'plannedInvestment' }.column", equalTo("计划投资（万元）"))
                .body("errors.find { it.field == 'plannedInvestment' }.cell", equalTo("G2"))
                .body("errors.find { it.field == 'plannedInvestment' }.line", equalTo(2))
                .body("errors.find { it.field == 'signedOn' }.cell", equalTo("J2"));
        importXlsx(bad, false).statusCode(422);
        given().queryParam("q", tag + "乙").get("/api/v1/projects").then().body("items", hasSize(0));
    }
}
