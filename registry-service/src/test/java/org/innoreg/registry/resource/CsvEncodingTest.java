package org.innoreg.registry.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.innoreg.registry.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.innoreg.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Issue 15, "CSV as it comes": files written the way Excel writes them (GBK, its "ANSI" on a
 * Chinese Windows, with Chinese or English headers; "CSV UTF-8" with a byte-order mark; CRLF line
 * ends) import the right text; a byte that does not decode is a 400 problem naming line and column;
 * the export opens in Excel (BOM) and writes instants in RFC 3339.
 */
@QuarkusTest
class CsvEncodingTest {

    private static final String ADMIN = "Bearer " + TestTokens.admin();
    private static final Charset GBK = Charset.forName("GBK");

    /**
     * A sheet as Excel saves it: cells quoted only when they must be, CRLF after every row, the
     * last one too.
     */
    static byte[] excelCsv(List<List<String>> rows, Charset charset, boolean bom) {
        String text =
                rows.stream()
                        .map(
                                row ->
                                        row.stream()
                                                .map(
                                                        cell ->
                                                                cell.contains(",")
                                                                                || cell.contains(
                                                                                        "\"")
                                                                        ? "\""
                                                                                + cell.replace(
                                                                                        "\"",
                                                                                        "\"\"")
                                                                                + "\""
                                                                        : cell)
                                                .collect(Collectors.joining(",")))
                        .collect(Collectors.joining("\r\n", "", "\r\n"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (bom) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        out.writeBytes(text.getBytes(charset));
        return out.toByteArray();
    }

    private static ValidatableResponse post(byte[] file, String contentType) {
        // as a browser or curl sends it: no charset added to a Content-Type that has none
        return given().config(
                        RestAssured.config()
                                .encoderConfig(
                                        EncoderConfig.encoderConfig()
                                                .appendDefaultContentCharsetToContentTypeIfUndefined(
                                                        false)))
                .header("Authorization", ADMIN)
                .contentType(contentType)
                .body(file)
                .queryParam("dryRun", false)
                .post("/api/v1/platforms/import")
                .then();
    }

    private static void hasPlatform(String name, String nameEn) {
        given().queryParam("q", name)
                .get("/api/v1/platforms")
                .then()
                .body("items.nameZh", contains(name))
                .body("items[0].nameEn", equalTo(nameEn));
    }

    @Test
    void gbkWithChineseHeadersIsRecognised() {
        String name = unique("常德市科技企业孵化器");
        byte[] file =
                excelCsv(
                        List.of(
                                List.of("名称", "英文名称", "类型", "级别", "地区代码", "领域"),
                                List.of(
                                        name,
                                        "Changde incubator, GBK",
                                        "科技企业孵化器",
                                        "国家级",
                                        "430702",
                                        "电子信息;新材料")),
                        GBK,
                        false);
        post(file, "text/csv").statusCode(200).body("created", equalTo(1));
        hasPlatform(name, "Changde incubator, GBK");
        given().queryParam("q", name)
                .get("/api/v1/platforms")
                .then()
                .body("items[0].fields", contains("电子信息", "新材料"));
    }

    @Test
    void gbkWithEnglishHeadersIsRecognised() {
        String name = unique("鼎城区众创空间");
        byte[] file =
                excelCsv(
                        List.of(
                                List.of("nameZh", "nameEn", "type", "level", "regionCode"),
                                List.of(name, "Dingcheng maker space", "众创空间", "市级", "430703")),
                        GBK,
                        false);
        post(file, "text/csv").statusCode(200).body("created", equalTo(1));
        hasPlatform(name, "Dingcheng maker space");
    }

    @Test
    void aCharsetInTheContentTypeIsHonoured() {
        String name = unique("澧县农业科技园区");
        byte[] file =
                excelCsv(
                        List.of(
                                List.of("名称", "类型", "级别", "地区代码"),
                                List.of(name, "农业科技园区", "省级", "430723")),
                        GBK,
                        false);
        post(file, "text/csv; charset=GBK").statusCode(200).body("created", equalTo(1));
        hasPlatform(name, null);
        String gb18030 = unique("汉寿县院士工作站");
        post(
                        excelCsv(
                                List.of(
                                        List.of("名称", "类型", "级别", "地区代码"),
                                        List.of(gb18030, "院士工作站", "省级", "430722")),
                                Charset.forName("GB18030"),
                                false),
                        "text/csv; charset=gb18030")
                .statusCode(200)
                .body("created", equalTo(1));
        hasPlatform(gb18030, null);
        // GBK bytes declared as UTF-8: refused where the first one fails, nothing stored
        String wrong = unique("桃源县工程技术研究中心");
        post(
                        excelCsv(
                                List.of(
                                        List.of("nameZh", "type", "level", "regionCode"),
                                        List.of(wrong, "工程技术研究中心", "市级", "430725")),
                                GBK,
                                false),
                        "text/csv; charset=UTF-8")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("line", equalTo(2))
                .body("column", equalTo(1))
                .body("detail", containsString("line 2, column 1"))
                .body("detail", containsString("UTF-8"));
        given().queryParam("q", wrong).get("/api/v1/platforms").then().body("items", hasSize(0));
        post("名称\n".getBytes(StandardCharsets.UTF_8), "text/csv; charset=EBCDIC-KLINGON")
                .statusCode(400)
                .body("errors[0].field", equalTo("Content-Type"));
    }

    @Test
    void theIso88591ThatHttpClientsAddIsNoCharsetNamed() {
        String name = unique("石门县重点实验室");
        post(
                        excelCsv(
                                List.of(
                                        List.of("名称", "类型", "级别", "地区代码"),
                                        List.of(name, "重点实验室", "市级", "430726")),
                                GBK,
                                false),
                        "text/csv; charset=ISO-8859-1")
                .statusCode(200)
                .body("created", equalTo(1));
        hasPlatform(name, null);
    }

    @Test
    void utf8WithABomAndCrlfIsRead() {
        String name = unique("常德高新区技术转移中心");
        byte[] file =
                excelCsv(
                        List.of(
                                List.of("名称", "英文名称", "类型", "级别", "地区代码"),
                                List.of(
                                        name,
                                        "Transfer \"centre\", Changde",
                                        "技术转移中心",
                                        "市级",
                                        "430790")),
                        StandardCharsets.UTF_8,
                        true);
        post(file, "text/csv").statusCode(200).body("created", equalTo(1));
        hasPlatform(name, "Transfer \"centre\", Changde");
        // the same file again is no change: the CR of CRLF is no part of the last cell
        post(file, "text/csv").statusCode(200).body("unchanged", equalTo(1));
    }

    @Test
    void anUndecodableByteIsAProblemNamingLineAndColumn() {
        String name = unique("坏字节");
        byte[] good =
                excelCsv(
                        List.of(
                                List.of("名称", "类型", "级别", "地区代码"),
                                List.of(name + "甲", "众创空间", "市级", "430702"),
                                List.of(name + "乙", "众创空间", "市级", "430702")),
                        StandardCharsets.UTF_8,
                        false);
        // a stray 0xFF in the middle of the third line (after "<name>乙" and nothing else)
        String text = new String(good, StandardCharsets.UTF_8);
        int at = text.indexOf(name + "乙") + (name + "乙").length();
        byte[] prefix = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] rest = text.substring(at).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream broken = new ByteArrayOutputStream();
        broken.writeBytes(prefix);
        broken.write(0xFF);
        broken.writeBytes(rest);
        post(broken.toByteArray(), "text/csv")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("line", equalTo(3))
                .body("column", equalTo((name + "乙").length() + 1))
                .body("detail", containsString("0xFF"));
        given().queryParam("q", name).get("/api/v1/platforms").then().body("items", hasSize(0));
        // the same in a GBK file
        byte[] gbk =
                excelCsv(
                        List.of(
                                List.of("名称", "类型", "级别", "地区代码"),
                                List.of(name + "丙", "众创空间", "市级", "430702")),
                        GBK,
                        false);
        byte[] brokenGbk = java.util.Arrays.copyOf(gbk, gbk.length + 1);
        System.arraycopy(gbk, 0, brokenGbk, 0, gbk.length);
        brokenGbk[gbk.length - 2] =
                (byte) 0x80; // replaces the CR of the last line end: 0x80 is no GBK byte
        brokenGbk[gbk.length - 1] = '\n';
        brokenGbk[gbk.length] = '\n';
        post(brokenGbk, "text/csv")
                .statusCode(400)
                .body("line", equalTo(2))
                .body("detail", containsString("GB18030"));
    }

    @Test
    void theExportOpensInExcelAndWritesInstantsInRfc3339() {
        String name = unique("导出编码");
        post(
                        excelCsv(
                                List.of(
                                        List.of("名称", "类型", "级别", "地区代码"),
                                        List.of(name, "众创空间", "市级", "430702")),
                                StandardCharsets.UTF_8,
                                false),
                        "text/csv")
                .statusCode(200);
        byte[] export =
                given().get("/api/v1/platforms/export")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        assertThat(export).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String row =
                new String(export, StandardCharsets.UTF_8)
                        .lines()
                        .filter(line -> line.contains(name))
                        .findFirst()
                        .orElseThrow();
        String updatedAt =
                row.substring(row.lastIndexOf(',') + 1)
                        .replace("\"", ""); // a long cell may be quoted
        assertThat(updatedAt).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(OffsetDateTime.parse(updatedAt)).isNotNull();
        byte[] plain =
                given().queryParam("bom", false)
                        .get("/api/v1/platforms/export")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray();
        assertThat(new String(plain, 0, 3, StandardCharsets.UTF_8)).isEqualTo("id,");
        String jsonl =
                given().queryParam("format", "jsonl")
                        .get("/api/v1/platforms/export")
                        .then()
                        .extract()
                        .asString();
        assertThat(jsonl.lines().filter(line -> line.contains(name)).findFirst().orElseThrow())
                .containsPattern(
                        "\"updatedAt\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z\"");
    }
}
