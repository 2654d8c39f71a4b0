package org.innoreg.chassis.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * A bulk file written row by row, the same way for every export that has rows of cells (a query's,
 * a series'): a CSV file ({@link CsvTableWriter}) or an Excel workbook ({@link XlsxWriter}). Cells
 * are typed, and each writer writes a type its own way: a {@code String}, a {@code Number} (an
 * amount, a count), a {@code LocalDate}, an {@code OffsetDateTime}, a {@code List<String>} (a list
 * cell), a {@code Boolean}, or null (an empty cell).
 */
public interface TableWriter extends AutoCloseable {

    /** The header row: each column's name as the file shows it. */
    void header(List<String> labels) throws IOException;

    /** One row, its cells in the header's order. */
    void row(List<Object> cells) throws IOException;

    /** Completes the file (a workbook is written out only now); the stream stays open. */
    void finish() throws IOException;

    /**
     * Releases what the writer holds (a workbook's temporary files); after a failure, the file
     * stays unfinished.
     */
    @Override
    void close() throws IOException;

    /**
     * A writer of this format.
     *
     * @param bom CSV only: start with a UTF-8 byte-order mark, so that Excel (which reads a CSV
     *     file without one in the machine's code page, GBK on a Chinese Windows) shows its Chinese
     *     text right
     */
    static TableWriter open(BulkFormat format, OutputStream out, boolean bom) throws IOException {
        return switch (format) {
            case CSV -> new CsvTableWriter(out, bom);
            case XLSX -> new XlsxWriter(out);
            case JSONL ->
                    throw new IllegalArgumentException("JSON lines are objects, not rows of cells");
        };
    }
}
