package org.innoreg.chassis.bulk;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV file: list cells joined with ';', instants in RFC 3339 (UTC), numbers as plain decimals,
 * texts that a spreadsheet would run as formulas behind an apostrophe ({@link FormulaCells}).
 */
final class CsvTableWriter implements TableWriter {

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final SequenceWriter writer;
    private final List<String> cells = new ArrayList<>();

    CsvTableWriter(OutputStream out, boolean bom) throws IOException {
        if (bom) {
            out.write(UTF8_BOM);
        }
        CsvMapper mapper = new CsvMapper();
        mapper.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        writer = mapper.writer(CsvSchema.emptySchema()).writeValues(out);
    }

    @Override
    public void header(List<String> labels) throws IOException {
        writer.write(labels);
    }

    @Override
    public void row(List<Object> values) throws IOException {
        cells.clear();
        for (Object value : values) {
            // texts only: a negative number is a number to a spreadsheet, not a formula
            cells.add(
                    value instanceof String || value instanceof List<?>
                            ? FormulaCells.defused(text(value))
                            : text(value));
        }
        writer.write(cells);
    }

    /**
     * A cell's text; a null is an empty cell (dropping it would drop the column). A workbook's text
     * cells ({@link XlsxWriter}) hold the same.
     */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return String.join(";", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof OffsetDateTime time) {
            return time.withOffsetSameInstant(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        return value.toString();
    }

    @Override
    public void finish() throws IOException {
        writer.close(); // flushes; the stream stays open (AUTO_CLOSE_TARGET off)
    }

    @Override
    public void close() {
        // nothing held
    }
}
