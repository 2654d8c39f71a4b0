package org.innoreg.chassis.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.innoreg.chassis.problem.ProblemException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the workbook writer makes of typed cells, and what the reader makes of the cells Excel
 * writes.
 */
@Tag("fast")
class WorkbookCellsTest {

    private static final Map<String, String> COLUMNS =
            CsvImporter.columns(
                    new String[] {"name", "名称"},
                    new String[] {"on", "日期"},
                    new String[] {"area", "面积"},
                    new String[] {"region", "地区代码"},
                    new String[] {"fields", "领域"},
                    new String[] {"at", "时间"},
                    new String[] {"code", "编码"},
                    new String[] {"flag", "标志"});

    private static ImportRows.Sheet read(byte[] workbook) {
        ImportRows rows = new ImportRows(COLUMNS, 100, true);
        XlsxReader.read(new ByteArrayInputStream(workbook), rows);
        return rows.sheet();
    }

    @Test
    void theWritersTypedCellsReadBackAsTheCsvPathsText() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = TableWriter.open(BulkFormat.XLSX, out, true)) {
            writer.header(List.of("名称", "日期", "面积", "地区代码", "领域", "时间"));
            writer.row(
                    java.util.Arrays.asList(
                            "甲",
                            LocalDate.of(2016, 3, 1),
                            new BigDecimal("12500.50"),
                            "007002",
                            List.of("a", "b"),
                            OffsetDateTime.of(
                                    2026, 12, 1, 8, 0, 0, 123_456_000, ZoneOffset.ofHours(8))));
            writer.row(java.util.Arrays.asList("乙", null, 3, null, null, null));
            writer.finish();
        }
        // as Excel sees it: a date cell, a number cell, a text cell keeping its zeros
        try (XSSFWorkbook workbook =
                new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Row row = workbook.getSheetAt(0).getRow(1);
            assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(row.getCell(1)))
                    .isTrue();
            assertThat(row.getCell(2).getNumericCellValue()).isEqualTo(12500.5);
            assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.STRING);
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("名称");
        }
        ImportRows.Sheet sheet = read(out.toByteArray());
        assertThat(sheet.rows()).hasSize(2);
        CsvRow first = sheet.rows().get(0);
        assertThat(first.line()).isEqualTo(2);
        assertThat(first.text("on")).isEqualTo("2016-03-01");
        assertThat(first.date("on")).isEqualTo(LocalDate.of(2016, 3, 1));
        assertThat(first.text("area")).isEqualTo("12500.5");
        assertThat(first.text("region")).isEqualTo("007002");
        assertThat(first.list("fields")).containsExactly("a", "b");
        assertThat(first.text("at")).isEqualTo("2026-12-01T00:00:00.123456Z");
        assertThat(sheet.rows().get(1).text("on")).isNull();
        assertThat(sheet.rows().get(1).ref("on")).isEqualTo("B3");
        assertThat(sheet.headers()).containsEntry("name", "名称");
    }

    @Test
    void excelsCellsAsAClerkLeavesThem() throws Exception {
        byte[] bytes;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            var formats = workbook.createDataFormat();
            CellStyle shortDate = workbook.createCellStyle();
            shortDate.setDataFormat((short) 14); // Excel's built-in short date
            CellStyle chineseDate = workbook.createCellStyle();
            chineseDate.setDataFormat(formats.getFormat("yyyy\"年\"m\"月\"d\"日\""));
            CellStyle thousands = workbook.createCellStyle();
            thousands.setDataFormat(formats.getFormat("#,##0"));
            CellStyle zeros = workbook.createCellStyle();
            zeros.setDataFormat(formats.getFormat("000000"));
            sheet.createRow(0); // an empty row above the header
            Row header = sheet.createRow(1);
            String[] names = {"名称", "日期", "面积", "编码", "时间", "标志", "地区代码"};
            for (int i = 0; i < names.length; i++) {
                header.createCell(i).setCellValue(names[i]);
            }
            Row row = sheet.createRow(2);
            row.createCell(0).setCellValue("甲");
            row.createCell(1).setCellValue(LocalDate.of(2022, 5, 10));
            row.getCell(1).setCellStyle(chineseDate);
            row.createCell(2).setCellValue(1.2e9);
            row.getCell(2).setCellStyle(thousands);
            row.createCell(3).setCellValue(7);
            row.getCell(3).setCellStyle(zeros);
            row.createCell(4).setCellValue(LocalDateTime.of(2022, 5, 10, 8, 30));
            row.getCell(4).setCellStyle(shortDate);
            row.createCell(5).setCellValue(true);
            row.createCell(6).setCellFormula("430000+702");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            bytes = out.toByteArray();
        }
        ImportRows.Sheet sheet = read(bytes);
        CsvRow row = sheet.rows().get(0);
        assertThat(row.line()).isEqualTo(3);
        assertThat(row.text("on")).isEqualTo("2022-05-10");
        assertThat(row.text("area")).isEqualTo("1200000000"); // not 1,200,000,000 nor 1.2E9
        assertThat(row.text("code")).isEqualTo("000007");
        assertThat(row.text("at")).isEqualTo("2022-05-10T08:30");
        assertThat(row.text("flag")).isEqualTo("TRUE");
        assertThat(row.text("region")).isEqualTo("430702"); // a formula's computed value
        assertThat(row.ref("region")).isEqualTo("G3");
    }

    @Test
    void aValueUnderNoHeaderAndAFormulaErrorAreNamedByTheirCell() throws Exception {
        byte[] stray;
        byte[] error;
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("名称");
            sheet.getRow(0).createCell(2).setCellValue("面积"); // B1 has no header
            sheet.createRow(1).createCell(0).setCellValue("甲");
            sheet.getRow(1).createCell(1).setCellValue("备注");
            workbook.write(out);
            stray = out.toByteArray();
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("面积");
            sheet.createRow(1).createCell(0).setCellFormula("1/0");
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            error = out.toByteArray();
        }
        assertThatThrownBy(() -> read(stray))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("B2")
                .hasMessageContaining("no header");
        assertThatThrownBy(() -> read(error))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("A2")
                .hasMessageContaining("#DIV/0!");
    }
}
