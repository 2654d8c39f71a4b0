package org.innoreg.chassis.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;

/**
 * An Excel workbook of one sheet, written with POI's streaming SXSSF: only the last {@value
 * #WINDOW} rows are held, the rest go to a compressed temporary file, so a 100,000-row export costs
 * about what its CSV costs. Cells are typed as Excel types them: a date is a date cell in {@code
 * yyyy-mm-dd}; a number a number (an amount sums in Excel); a text, a code above all (region
 * 430702, credit code 91430700…, an id), a text cell in the text format {@code @}, so Excel neither
 * drops leading zeros nor turns long digits into 9.14E+17, also when a clerk edits it. The header
 * row is bold and stays in view.
 */
final class XlsxWriter implements TableWriter {

    /** Rows SXSSF keeps in memory before flushing them to its temporary file. */
    private static final int WINDOW = 200;

    /** Data rows a sheet holds: Excel's 1,048,576 rows, the header one of them. */
    static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

    private final OutputStream out;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final CellStyle text;
    private final CellStyle date;
    private final CellStyle header;
    private int next;

    XlsxWriter(OutputStream out) {
        this.out = out;
        workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        sheet = workbook.createSheet();
        var formats = workbook.createDataFormat();
        text = workbook.createCellStyle();
        text.setDataFormat(formats.getFormat("@"));
        date = workbook.createCellStyle();
        date.setDataFormat(formats.getFormat("yyyy-mm-dd"));
        header = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        header.setFont(bold);
        header.setDataFormat(formats.getFormat("@"));
        sheet.setDefaultColumnWidth(16);
    }

    @Override
    public void header(List<String> labels) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < labels.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(labels.get(i));
            cell.setCellStyle(header);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void row(List<Object> values) {
        if (next > MAX_ROWS) {
            // Cut short, the file would lose rows unseen; refused before a byte of it is sent
            // (BulkExport).
            throw ProblemException.invalid(
                    "format", Messages.text("field.sheet-too-many-rows", MAX_ROWS));
        }
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Number number) {
                cell.setCellValue(
                        number instanceof BigDecimal decimal
                                ? decimal.doubleValue()
                                : number.doubleValue());
            } else if (value instanceof LocalDate day) {
                cell.setCellValue(day);
                cell.setCellStyle(date);
            } else if (value instanceof Boolean bool) {
                cell.setCellValue(bool);
            } else {
                // A text cell holds what the CSV file's cell does. An instant stays RFC 3339 text:
                // an Excel date-time has no zone and keeps milliseconds only, and these columns
                // (updatedAt) are for the record, never read back.
                cell.setCellValue(CsvTableWriter.text(value));
                cell.setCellStyle(text);
            }
        }
    }

    @Override
    public void finish() throws IOException {
        workbook.write(out);
    }

    @Override
    public void close() throws IOException {
        workbook.dispose(); // SXSSF's temporary file of rows
        workbook.close();
    }
}
