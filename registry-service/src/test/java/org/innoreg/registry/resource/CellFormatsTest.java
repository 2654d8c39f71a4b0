package org.innoreg.registry.resource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.innoreg.registry.support.Fixtures.unique;
import static org.innoreg.registry.support.Fixtures.uscc;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.innoreg.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, "cells as people type them": dates, separators, Chinese or English values, blank rows.
 */
@QuarkusTest
class CellFormatsTest {

    private static final String ADMIN = "Bearer " + TestTokens.admin();

    @Test
    void datesNumbersAndValuesAsPeopleTypeThem() {
        String tag = unique("格式");
        // as Excel saves it: CRLF, a blank line in the middle, and a trailing row of commas
        String csv =
                String.join(
                                "\r\n",
                                List.of(
                                        "名称,类型,级别,地区代码,认定日期,场地面积（平方米）,在孵企业数",
                                        tag
                                                + "甲,科技企业孵化器,NATIONAL,430702,2022-05-10,\"12,500.5\",\"1,200\"",
                                        tag
                                                + "乙,TECH_BUSINESS_INCUBATOR,国家级,430702,2022/5/10,800,12",
                                        "",
                                        tag + "丙,maker_space,市级,430702,2022.5.10,,",
                                        tag + "丁,众创空间,省级,430702,2022年5月10日,,",
                                        ",,,,,,",
                                        ",,,,,,"))
                        + "\r\n";
        given().header("Authorization", ADMIN)
                .contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .queryParam("dryRun", false)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(200)
                .body("rows", equalTo(4))
                .body("created", equalTo(4));
        given().queryParam("q", tag)
                .queryParam("sort", "name")
                .get("/api/v1/platforms")
                .then()
                .body(
                        "items.accreditedOn",
                        contains("2022-05-10", "2022-05-10", "2022-05-10", "2022-05-10"))
                .body(
                        "items.find { it.nameZh == '" + tag + "甲' }.detail.floorAreaM2",
                        equalTo(12500.5f))
                .body("items.find { it.nameZh == '" + tag + "甲' }.detail.tenants", equalTo(1200))
                .body("items.find { it.nameZh == '" + tag + "丙' }.type", equalTo("MAKER_SPACE"));

        // an error's line is the file's line, blank lines counted
        String bad = "名称,类型,级别,地区代码,认定日期\n\n" + tag + "戊,众创空间,市级,430702,2022/2/30\n";
        given().header("Authorization", ADMIN)
                .contentType("text/csv; charset=UTF-8")
                .body(bad)
                .queryParam("dryRun", true)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(200)
                .body("errors[0].line", equalTo(3))
                .body("errors[0].column", equalTo("认定日期"))
                .body("errors[0].value", equalTo("2022/2/30"))
                .body(
                        "errors[0].message",
                        equalTo(
                                "must be a date such as 2022-05-10, 2022/5/10, 2022.5.10 or 2022年5月10日, not '2022/2/30'"));
        // the clerk's language: the same error in Chinese, and a value that is none of the codes or
        // labels
        String worse =
                "名称,类型,级别,地区代码,认定日期\n"
                        + tag
                        + "戊,众创空间,市级,430702,2022/2/30\n"
                        + tag
                        + "己,孵化所,市级,430702,\n";
        given().header("Authorization", ADMIN)
                .header("Accept-Language", "zh-CN")
                .contentType("text/csv; charset=UTF-8")
                .body(worse)
                .queryParam("dryRun", true)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(200)
                .header("Content-Language", "zh-CN")
                .body(
                        "errors[0].message",
                        equalTo(
                                "须为日期，如 2022-05-10、2022/5/10、2022.5.10 或 2022年5月10日，而不是“2022/2/30”"))
                .body("errors[1].message", startsWith("“孵化所”不是以下之一："));
    }

    @Test
    void certificationDatesAsPeopleTypeThem() {
        String tag = unique("资质");
        String code = uscc("430702");
        given().header("Authorization", ADMIN)
                .contentType("text/csv; charset=UTF-8")
                .body(
                        "统一社会信用代码,名称,类型,地区代码,资质\n"
                                + code
                                + ","
                                + tag
                                + "公司,企业,430702,高新技术企业:2018年10月17日\n")
                .queryParam("dryRun", false)
                .post("/api/v1/organizations/import")
                .then()
                .statusCode(200);
        given().queryParam("q", tag + "公司")
                .get("/api/v1/organizations")
                .then()
                .body("items[0].certifications[0].validFrom", equalTo("2018-10-17"));
    }
}
