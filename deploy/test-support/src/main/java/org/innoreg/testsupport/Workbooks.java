package org.innoreg.testsupport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Excel workbooks for tests, made as Excel makes them (POI's XSSF, the format Excel writes: texts
 * in the shared strings table, dates as numbers with a date format, here Chinese Excel's default
 * {@code yyyy/m/d}, amounts as number cells), and read back cell by cell with their types.
 */
public final class Workbooks {

    private Workbooks() {}

    /**
     * A workbook of one sheet, the header first. Cells: String (a text cell), Number, LocalDate (a
     * date cell), null (none).
     */
    public static byte[] xlsx(List<List<Object>> rows) {
        return xlsx(rows, false);
    }

    /**
     * @param trailingEmptyRows end with what Excel leaves after a clerk clears the last rows: a row
     *     of formatted empty cells and a row of empty texts
     */
    public static byte[] xlsx(List<List<Object>> rows, boolean trailingEmptyRows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Sheet1");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("yyyy/m/d"));
            int r = 0;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof LocalDate day) {
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    } else if (value instanceof Number number) {
                        cell.setCellValue(number.doubleValue());
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
            if (trailingEmptyRows) {
                int width = rows.get(0).size();
                Row formatted = sheet.createRow(r++);
                Row texts = sheet.createRow(r);
                for (int c = 0; c < width; c++) {
                    formatted.createCell(c).setCellStyle(date);
                    texts.createCell(c).setCellValue("");
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A row of cells. */
    public static List<Object> row(Object... cells) {
        return new ArrayList<>(Arrays.asList(cells));
    }

    /**
     * The first sheet's rows, each cell as its type says: a String, a Double, a LocalDate (a number
     * with a date format), a Boolean, or null (no cell). Trailing missing cells are nulls up to the
     * header's width.
     */
    public static List<List<Object>> read(byte[] xlsx) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<List<Object>> rows = new ArrayList<>();
            int width = sheet.getRow(0).getLastCellNum();
            for (Row row : sheet) {
                List<Object> cells = new ArrayList<>();
                for (int c = 0; c < width; c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? null : value(cell));
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object value(Cell cell) {
        CellType type = cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC ->
                    DateUtil.isCellDateFormatted(cell)
                            ? cell.getLocalDateTimeCellValue().toLocalDate()
                            : cell.getNumericCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            default -> null;
        };
    }

    /**
     * The header and the rows with a text cell that contains {@code tag} (a test database holds
     * other tests' records).
     */
    public static List<List<Object>> rowsOf(List<List<Object>> sheet, String tag) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(sheet.get(0));
        sheet.stream()
                .skip(1)
                .filter(r -> r.stream().anyMatch(c -> c instanceof String s && s.contains(tag)))
                .forEach(rows::add);
        return rows;
    }

    /** The cell of a row under the header named {@code column}. */
    public static Object cell(List<List<Object>> sheet, int row, String column) {
        int index = sheet.get(0).indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + sheet.get(0));
        }
        return sheet.get(row).get(index);
    }
}
