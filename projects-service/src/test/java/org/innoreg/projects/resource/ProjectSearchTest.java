package org.innoreg.projects.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Filters, text search, cursor paging, facets and the export of the pipeline. */
@QuarkusTest
@TestSecurity(user = "test-admin", roles = "admin")
class ProjectSearchTest {

    private static String load(String tag) {
        String csv =
                "项目名称,投资方,资金来源,项目类型,产业链,地区代码,计划投资,阶段,阶段日期,签约日期,落地日期\n"
                        + tag
                        + "复星基地,上海复星医药,内资,产业投资,生物医药,"
                        + "430790,1200000000,LANDED,2018-06-01,2018-03-15,2018-06-01\n"
                        + tag
                        + "施耐德工厂,施耐德电气,外资,产业投资,电子信息,430790,650000000,UNDER_CONSTRUCTION,2019-02-01,2017-11-01,2018-01-10\n"
                        + tag
                        + "澧县项目,常德投资企业,内资,产业投资,食品加工,430723,120000000,SIGNED,2019-05-01,2019-05-01,\n"
                        + tag
                        + "衡阳项目,衡阳投资企业,内资,产业投资,电子信息,430400,300000000,LEAD,2019-05-01,,\n"
                        + tag
                        + "成果转化,常德科技企业,内资,技术转移,新材料,430703,5000000,SIGNED,2018-10-10,2018-10-10,\n";
        given().contentType("text/csv; charset=UTF-8")
                .body(csv)
                .queryParam("dryRun", false)
                .post("/api/v1/projects/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(5));
        return csv;
    }

    @Test
    void filtersCombine() {
        String tag = "检索" + System.nanoTime();
        load(tag);
        given().queryParam("q", tag)
                .queryParam("region", "430700")
                .get("/api/v1/projects")
                .then()
                .statusCode(200)
                .body(
                        "items.name",
                        containsInAnyOrder(
                                tag + "复星基地", tag + "施耐德工厂", tag + "澧县项目", tag + "成果转化"));
        given().queryParam("q", tag)
                .queryParam("tier", "FROM_1B")
                .queryParam("tier", "FROM_500M")
                .get("/api/v1/projects")
                .then()
                .body("items.name", containsInAnyOrder(tag + "复星基地", tag + "施耐德工厂"));
        given().queryParam("q", tag)
                .queryParam("landedYear", 2018)
                .get("/api/v1/projects")
                .then()
                .body("items.name", containsInAnyOrder(tag + "复星基地", tag + "施耐德工厂"));
        given().queryParam("q", tag)
                .queryParam("signedYear", 2018)
                .queryParam("kind", "TECHNOLOGY_TRANSFER")
                .get("/api/v1/projects")
                .then()
                .body("items.name", contains(tag + "成果转化"));
        given().queryParam("q", tag)
                .queryParam("stage", "LEAD")
                .get("/api/v1/projects")
                .then()
                .body("items.name", contains(tag + "衡阳项目"));
        given().queryParam("q", tag)
                .queryParam("industryChain", "电子信息")
                .queryParam("investor", "施耐德电气")
                .get("/api/v1/projects")
                .then()
                .body("items.name", contains(tag + "施耐德工厂"));
        given().queryParam("q", tag)
                .queryParam("facets", true)
                .get("/api/v1/projects")
                .then()
                .body("total", equalTo(5))
                .body("facets.stage.SIGNED", equalTo(2))
                .body("facets.region.430790", equalTo(2));
        given().queryParam("q", "复星")
                .queryParam("limit", 500)
                .get("/api/v1/projects")
                .then()
                .body("items.name", org.hamcrest.Matchers.hasItem(tag + "复星基地"));
        given().queryParam("sort", "cheapest")
                .get("/api/v1/projects")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("sort"));
        given().queryParam("stage", "DREAMING")
                .get("/api/v1/projects")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("stage"));
        given().queryParam("landedYear", "soon").get("/api/v1/projects").then().statusCode(400);
    }

    @Test
    void cursorPagingVisitsEveryMatchOnceInEveryOrder() {
        String tag = "翻页" + System.nanoTime();
        load(tag);
        for (String sort : List.of("name", "-plannedInvestment", "updatedAt", "-updatedAt")) {
            List<String> seen = new ArrayList<>();
            String next = "/api/v1/projects?limit=2&q=" + tag + "&sort=" + sort;
            while (next != null) {
                var page =
                        given().urlEncodingEnabled(false)
                                .get(next)
                                .then()
                                .statusCode(200)
                                .extract();
                seen.addAll(page.path("items.name"));
                next = page.path("next");
            }
            assertThat(seen).as("sort %s", sort).hasSize(5).doesNotHaveDuplicates();
        }
    }

    @Test
    void exportStreamsThePipelineInTheImportFormat() {
        String tag = "导出" + System.nanoTime();
        load(tag);
        String csv =
                given().get("/api/v1/projects/export").then().statusCode(200).extract().asString();
        assertThat(csv).startsWith("\uFEFF"); // a UTF-8 byte-order mark, for Excel
        assertThat(csv.substring(1).lines().findFirst())
                .hasValueSatisfying(
                        header ->
                                assertThat(header)
                                        .startsWith(
                                                "name,investorName,investorUscc,origin,kind,industryChain,regionCode"));
        assertThat(csv).contains(tag + "复星基地");
        given().contentType("text/csv; charset=UTF-8")
                .body(csv)
                .queryParam("dryRun", true)
                .post("/api/v1/projects/import")
                .then()
                .statusCode(200)
                .body("invalid", equalTo(0))
                .body("created", equalTo(0));
        String jsonl =
                given().queryParam("format", "jsonl")
                        .get("/api/v1/projects/export")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
        assertThat(jsonl.lines().filter(line -> line.contains(tag + "复星基地")).findFirst())
                .hasValueSatisfying(
                        line ->
                                assertThat(line)
                                        .contains(
                                                "\"plannedInvestment\":1200000000.00",
                                                "\"stage\":\"LANDED\""));
    }
}
