package org.innoreg.chassis.bulk;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;

/**
 * Reads a CSV file into the rows of cells an import takes ({@link ImportRows}), as {@link
 * XlsxReader} does a workbook: decoded by {@link CsvText}, each row with the line it starts on in
 * the file (blank lines counted, quoted line breaks kept inside their record), so that an error
 * names the line a clerk sees in an editor.
 */
final class CsvReader {

    private CsvReader() {}

    /**
     * Feeds the file's header and rows to {@code rows}.
     *
     * @param charset the one the request names, or null to recognise it from the bytes
     */
    static void read(InputStream in, String charset, ImportRows rows) {
        readCsv(text(in, charset), rows);
    }

    private static String text(InputStream csv, String charset) {
        try {
            return CsvText.decode(csv.readAllBytes(), charset);
        } catch (IOException e) {
            throw ProblemException.invalid(
                    "body", Messages.text("field.file-unreadable", firstLine(e.getMessage())));
        }
    }

    /** Feeds a CSV file's header and rows to {@code rows}. */
    private static void readCsv(String csv, ImportRows rows) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        mapper.enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (StringReader reader = new StringReader(csv);
                MappingIterator<Map<String, String>> it =
                        mapper.readerFor(Map.class).with(schema).readValues(reader)) {
            List<Integer> recordLines = recordLines(csv);
            int records = 0;
            while (it.hasNextValue()) {
                Map<String, String> raw = it.nextValue();
                // The row's line in the file, blank lines counted (the parser skips them).
                int record = ++records;
                int line = record < recordLines.size() ? recordLines.get(record) : record + 1;
                if (!rows.hasHeader()) {
                    // the header as the file spells it: the map above keeps one of two equal names
                    rows.header(headerRow(mapper, csv));
                }
                List<String> cells = new ArrayList<>(raw.size());
                raw.values().forEach(cell -> cells.add(FormulaCells.restored(cell)));
                rows.row(line, cells);
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid(
                    "body", Messages.text("field.not-csv", firstLine(e.getMessage())));
        }
    }

    /** The first record's cells, every one (two columns of one name included). */
    private static List<String> headerRow(CsvMapper mapper, String csv) throws IOException {
        try (MappingIterator<String[]> records =
                mapper.readerFor(String[].class)
                        .with(CsvParser.Feature.WRAP_AS_ARRAY)
                        .with(CsvSchema.emptySchema())
                        .readValues(csv)) {
            return List.of(records.next());
        }
    }

    /**
     * The line each non-blank record starts on (the header's first), quoted line breaks kept inside
     * their record.
     */
    static List<Integer> recordLines(String csv) {
        List<Integer> lines = new ArrayList<>();
        int line = 1;
        boolean quoted = false;
        boolean started = false; // the current record has a non-blank character
        int startLine = 1;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '\n') {
                if (!quoted) {
                    if (started) {
                        lines.add(startLine);
                    }
                    started = false;
                }
                line++;
                continue;
            }
            if (!started && !quoted && !Character.isWhitespace(c) || !started && c == '"') {
                started = true;
                startLine = line;
            }
        }
        if (started) {
            lines.add(startLine);
        }
        return lines;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
