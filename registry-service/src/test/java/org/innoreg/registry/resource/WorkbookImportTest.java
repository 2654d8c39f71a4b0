package org.innoreg.registry.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.innoreg.registry.support.Fixtures.unique;
import static org.innoreg.registry.support.Fixtures.uscc;
import static org.innoreg.testsupport.Workbooks.cell;
import static org.innoreg.testsupport.Workbooks.row;
import static org.innoreg.testsupport.Workbooks.rowsOf;
import static org.innoreg.testsupport.Workbooks.xlsx;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.innoreg.testsupport.TestTokens;
import org.innoreg.testsupport.Workbooks;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, Excel workbooks: a workbook made as Excel makes it imports like the same CSV file (the
 * same columns, report, all-or-nothing rule and matching); an export is a workbook of typed cells
 * that imports again as no change; anything that is not a good workbook is a problem, and changes
 * nothing.
 */
@QuarkusTest
class WorkbookImportTest {

    private static final String ADMIN = "Bearer " + TestTokens.admin();
    private static final String XLSX =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static ValidatableResponse importXlsx(String path, byte[] workbook, boolean dryRun) {
        return given().header("Authorization", ADMIN)
                .contentType(XLSX)
                .body(workbook)
                .queryParam("dryRun", dryRun)
                .post(path)
                .then();
    }

    static List<List<Object>> exportXlsx(String path, String tag) {
        byte[] body =
                given().queryParam("format", "xlsx")
                        .get(path)
                        .then()
                        .statusCode(200)
                        .contentType(XLSX)
                        .header("Content-Disposition", containsString(".xlsx"))
                        .extract()
                        .asByteArray();
        return rowsOf(Workbooks.read(body), tag);
    }

    /**
     * A host organisation (CSV), then an incubator and a maker space from a workbook with Chinese
     * headers.
     */
    private static String load(String tag) {
        String host = uscc("430702");
        ImportRoundTripTest.importCsv(
                        "/api/v1/organizations/import",
                        "统一社会信用代码,名称,类型,地区代码,资质\n"
                                + host
                                + ","
                                + tag
                                + "金健米业,企业,430702,高新技术企业:2018-10-17\n",
                        false)
                .statusCode(200)
                .body("created", equalTo(1));
        byte[] workbook =
                xlsx(
                        List.of(
                                row(
                                        "名称",
                                        "类型",
                                        "级别",
                                        "地区代码",
                                        "认定日期",
                                        "依托单位",
                                        "场地面积（平方米）",
                                        "在孵企业数",
                                        "领域"),
                                row(
                                        tag + "孵化器",
                                        "科技企业孵化器",
                                        "国家级",
                                        "430702",
                                        LocalDate.of(2016, 3, 1),
                                        host,
                                        12500.5,
                                        80,
                                        "电子信息;先进装备"),
                                // a region code typed as a number, a date typed as text the way
                                // people type it
                                row(
                                        tag + "众创空间",
                                        "众创空间",
                                        "市级",
                                        430702,
                                        "2022/5/10",
                                        null,
                                        null,
                                        null,
                                        null)),
                        true);
        importXlsx("/api/v1/platforms/import", workbook, false)
                .statusCode(200)
                .body("rows", equalTo(2))
                .body("created", equalTo(2));
        return host;
    }

    @Test
    void aWorkbookAsExcelMakesItImportsItsDatesNumbersAndTexts() {
        String tag = unique("工作簿");
        load(tag);
        given().queryParam("q", tag + "孵化器")
                .get("/api/v1/platforms")
                .then()
                .body("items", hasSize(1))
                .body("items[0].accreditedOn", equalTo("2016-03-01"))
                .body("items[0].detail.floorAreaM2", equalTo(12500.5f))
                .body("items[0].detail.tenants", equalTo(80))
                .body("items[0].fields", org.hamcrest.Matchers.contains("电子信息", "先进装备"))
                .body("items[0].hostIds", hasSize(1))
                .body("items[0].level", equalTo("NATIONAL"));
        given().queryParam("q", tag + "众创空间")
                .get("/api/v1/platforms")
                .then()
                .body("items[0].accreditedOn", equalTo("2022-05-10"))
                .body("items[0].regionCode", equalTo("430702"));

        // English headers, as the CSV export names them, are read too; the dry run says what the
        // real run does
        byte[] english =
                xlsx(
                        List.of(
                                row("nameZh", "type", "level", "regionCode", "accreditedOn"),
                                row(
                                        tag + "实验室",
                                        "KEY_LABORATORY",
                                        "PROVINCIAL",
                                        "430702",
                                        LocalDate.of(2020, 1, 2))));
        importXlsx("/api/v1/platforms/import", english, true)
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("created", equalTo(1));
        given().queryParam("q", tag + "实验室")
                .get("/api/v1/platforms")
                .then()
                .body("items", hasSize(0));
        importXlsx("/api/v1/platforms/import", english, false)
                .statusCode(200)
                .body("created", equalTo(1));
        given().queryParam("q", tag + "实验室")
                .get("/api/v1/platforms")
                .then()
                .body("items[0].accreditedOn", equalTo("2020-01-02"));
    }

    @Test
    void anExportIsAWorkbookOfTypedCellsThatImportsAgainAsNoChange() {
        String tag = unique("导出簿");
        String host = load(tag);
        String incubatorId =
                given().queryParam("q", tag + "孵化器")
                        .get("/api/v1/platforms")
                        .then()
                        .extract()
                        .path("items[0].id");

        // anonymous, as a browser's download link is
        List<List<Object>> platforms = exportXlsx("/api/v1/platforms/export", tag);
        assertThat(platforms).hasSize(3);
        assertThat(platforms.get(0)).contains("名称", "类型", "地区代码", "认定日期", "编号");
        int incubator = cell(platforms, 1, "名称").equals(tag + "孵化器") ? 1 : 2;
        assertThat(cell(platforms, incubator, "认定日期"))
                .isEqualTo(LocalDate.of(2016, 3, 1)); // a date cell
        assertThat(cell(platforms, incubator, "场地面积")).isEqualTo(12500.5); // a number cell
        assertThat(cell(platforms, incubator, "在孵企业数")).isEqualTo(80.0);
        assertThat(cell(platforms, incubator, "地区代码")).isEqualTo("430702"); // a code stays text
        assertThat(cell(platforms, incubator, "依托单位")).isEqualTo(host);
        assertThat(cell(platforms, incubator, "编号")).isEqualTo(incubatorId);

        for (boolean dryRun :
                new boolean[] {
                    true, false
                }) { // imported with a token: the dry run says what the real run does
            importXlsx("/api/v1/platforms/import", xlsx(platforms), dryRun)
                    .statusCode(200)
                    .body("dryRun", equalTo(dryRun))
                    .body("unchanged", equalTo(2))
                    .body("updated", equalTo(0))
                    .body("created", equalTo(0));
        }
        given().get("/api/v1/platforms/" + incubatorId).then().header("ETag", "\"1\"");

        List<List<Object>> organizations = exportXlsx("/api/v1/organizations/export", tag);
        assertThat(organizations).hasSize(2);
        assertThat(cell(organizations, 1, "统一社会信用代码")).isEqualTo(host);
        for (boolean dryRun : new boolean[] {true, false}) {
            importXlsx("/api/v1/organizations/import", xlsx(organizations), dryRun)
                    .statusCode(200)
                    .body("unchanged", equalTo(1))
                    .body("updated", equalTo(0))
                    .body("created", equalTo(0));
        }

        // Accept asks for the workbook when no format is given; format= still wins
        given().accept(XLSX)
                .get("/api/v1/platforms/export")
                .then()
                .statusCode(200)
                .contentType(XLSX);
        given().accept(XLSX)
                .queryParam("format", "csv")
                .get("/api/v1/platforms/export")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"));
        given().get("/api/v1/organizations/export")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"));
        given().queryParam("format", "xls")
                .get("/api/v1/platforms/export")
                .then()
                .statusCode(400)
                .contentType(containsString("problem+json"));
    }

    @Test
    void aRenamedRowIsOneUpdate() {
        String tag = unique("簿改名");
        load(tag);
        String incubatorId =
                given().queryParam("q", tag + "孵化器")
                        .get("/api/v1/platforms")
                        .then()
                        .extract()
                        .path("items[0].id");
        List<List<Object>> platforms = exportXlsx("/api/v1/platforms/export", tag);
        int name = platforms.get(0).indexOf("名称");
        for (List<Object> r : platforms) {
            if ((tag + "孵化器").equals(r.get(name))) {
                r.set(name, tag + "国家级孵化器");
            }
        }
        for (boolean dryRun : new boolean[] {true, false}) {
            importXlsx("/api/v1/platforms/import", xlsx(platforms), dryRun)
                    .statusCode(200)
                    .body("created", equalTo(0))
                    .body("updated", equalTo(1))
                    .body("unchanged", equalTo(1));
        }
        given().get("/api/v1/platforms/" + incubatorId)
                .then()
                .header("ETag", "\"2\"")
                .body("nameZh", equalTo(tag + "国家级孵化器"));
        given().queryParam("q", tag).get("/api/v1/platforms").then().body("items", hasSize(2));
    }

    @Test
    void badCellsAreReportedByRowColumnAndCellAndNothingIsImported() {
        String tag = unique("簿报错");
        byte[] workbook =
                xlsx(
                        List.of(
                                row("名称", "类型", "级别", "地区代码", "认定日期", "在孵企业数"),
                                row(tag + "甲", "众创空间", "市级", "430702", LocalDate.of(2020, 1, 1), 3),
                                row(tag + "乙", "宇宙飞船", "市级", "430702", "2011-13-01", "很多"),
                                row(tag + "丙", "众创空间", null, "4307X2", null, null)));
        importXlsx("/api/v1/platforms/import", workbook, true)
                .statusCode(200)
                .body("rows", equalTo(3))
                .body("invalid", equalTo(2))
                .body("errors.find { it.field == 'type' }.line", equalTo(3))
                .body("errors.find { it.field == 'type' }.column", equalTo("类型"))
                .body("errors.find { it.field == 'type' }.cell", equalTo("B3"))
                .body("errors.find { it.field == 'type' }.value", equalTo("宇宙飞船"))
                .body("errors.find { it.field == 'accreditedOn' }.cell", equalTo("E3"))
                .body("errors.find { it.field == 'tenants' }.cell", equalTo("F3"))
                .body(
                        "errors.find { it.field == 'level' }.cell",
                        equalTo("C4")) // empty: the cell is named all the same
                .body("errors.find { it.field == 'regionCode' }.cell", equalTo("D4"));
        importXlsx("/api/v1/platforms/import", workbook, false)
                .statusCode(422)
                .body("report.invalid", equalTo(2));
        given().queryParam("q", tag)
                .get("/api/v1/platforms")
                .then()
                .body("items", hasSize(0)); // not even the good row
    }

    @Test
    void whatIsNotAGoodWorkbookIsAProblemAndChangesNothing() throws Exception {
        String tag = unique("坏簿");
        List<List<Object>> rows =
                List.of(row("名称", "类型", "级别", "地区代码"), row(tag + "甲", "众创空间", "市级", "430702"));
        byte[] good = xlsx(rows);

        refused(
                ("名称,类型,级别,地区代码\n" + tag + ",众创空间,市级,430702\n").getBytes(),
                400,
                "not an Excel workbook");
        refused(new byte[0], 400, "empty");
        refused(Arrays.copyOf(good, good.length / 2), 400, "damaged");
        refused(encrypted(good), 400, "password-protected");
        refused(xls(), 400, ".xls");
        refused(noSheet(), 400, "no sheet");
        refused(bomb(good), 413, "zip bomb");
        List<List<Object>> many = new ArrayList<>(List.of(rows.get(0)));
        for (int n = 0; n < 3001; n++) {
            many.add(row(tag + n, "众创空间", "市级", "430702"));
        }
        refused(xlsx(many), 413, "3000 rows");
        byte[] stray =
                xlsx(List.of(rows.get(0), row(tag + "乙", "众创空间", "市级", "430702", null, "备注")));
        refused(stray, 400, "F2");
        given().queryParam("q", tag).get("/api/v1/platforms").then().body("items", hasSize(0));

        // the same good workbook, as a bare upload (application/octet-stream), imports; sent as CSV
        // it is told apart
        given().header("Authorization", ADMIN)
                .contentType("application/octet-stream")
                .body(good)
                .queryParam("dryRun", true)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(200)
                .body("created", equalTo(1));
        given().header("Authorization", ADMIN)
                .contentType("text/csv")
                .body(good)
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(400)
                .body("detail", containsString(XLSX));
    }

    private static void refused(byte[] body, int status, String detail) {
        importXlsx("/api/v1/platforms/import", body, false)
                .statusCode(status)
                .contentType(containsString("application/problem+json"))
                .body("detail", containsString(detail))
                .body("detail", not(containsString("Exception")));
    }

    /**
     * The workbook with Excel's "Encrypt with password" (agile encryption, as Excel 2010 and later
     * write it).
     */
    private static byte[] encrypted(byte[] workbook) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("机密");
            try (OutputStream data = encryptor.getDataStream(fs)) {
                data.write(workbook);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static byte[] xls() throws IOException {
        try (HSSFWorkbook workbook = new HSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.createSheet().createRow(0).createCell(0).setCellValue("名称");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] noSheet() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        }
    }

    /**
     * The workbook with its sheet padded by 30 MB of spaces (legal XML whitespace) that deflate
     * about a thousandfold.
     */
    private static byte[] bomb(byte[] workbook) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    String xml = new String(content, java.nio.charset.StandardCharsets.UTF_8);
                    int end = xml.lastIndexOf("</worksheet>");
                    out.write(
                            xml.substring(0, end)
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    byte[] spaces = new byte[1 << 20];
                    Arrays.fill(spaces, (byte) ' ');
                    for (int n = 0; n < 30; n++) {
                        out.write(spaces);
                    }
                    out.write("</worksheet>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    out.write(content);
                }
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
