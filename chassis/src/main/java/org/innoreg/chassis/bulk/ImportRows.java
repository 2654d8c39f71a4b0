package org.innoreg.chassis.bulk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.util.CellReference;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;

/**
 * The rows of an imported file as cells under its header's columns, whatever the file is: the CSV
 * reader and the workbook reader both feed one (a header, then rows of cells), so that what a
 * header may say (English or Chinese names, a unit), which rows count (an all-empty row is no row)
 * and how many a file may have are decided once.
 */
final class ImportRows {

    /** A header that names its unit: {@code 计划投资（万元）}, {@code 场地面积(平方米)}. */
    private static final Pattern UNIT =
            Pattern.compile("(.+?)\\s*[（(]\\s*(亿元|万元|元|平方米|㎡|m²|m2|个|家)\\s*[)）]");

    private static final Map<String, BigDecimal> UNIT_SCALE =
            Map.of(
                    "亿元",
                    new BigDecimal(100_000_000),
                    "万元",
                    new BigDecimal(10_000),
                    "元",
                    BigDecimal.ONE);

    /**
     * The rows of a file, the columns its header names, and the header's own name of each (by
     * canonical name).
     */
    record Sheet(List<CsvRow> rows, CsvImporter.Columns columns, Map<String, String> headers) {}

    private final Map<String, String> columns;
    private final int maxRows;
    private final List<CsvRow> rows = new ArrayList<>();

    /** The canonical column at each position of the header (null where the header has no name). */
    private List<String> canonical;

    private final Map<String, BigDecimal> scales = new HashMap<>();
    private final Map<String, String> headers = new HashMap<>();
    private final boolean workbook;

    /** A workbook's column letters, by canonical column: an error names its cell ({@code C7}). */
    private final Map<String, String> letters = new HashMap<>();

    /**
     * @param columns the names a file may use, mapped to canonical names ({@link
     *     CsvImporter.Spec#columns()})
     * @param maxRows the data rows a file may have: more is a 413 problem, found while reading, not
     *     after
     * @param workbook whether positions are a sheet's columns (A, B, …), so that errors can name
     *     cells
     */
    ImportRows(Map<String, String> columns, int maxRows, boolean workbook) {
        this.columns = columns;
        this.maxRows = maxRows;
        this.workbook = workbook;
    }

    boolean hasHeader() {
        return canonical != null;
    }

    /**
     * The header row: each name an English or Chinese column name, possibly with its unit; an
     * unknown one is a 400 problem listing the known ones.
     *
     * @param names by position; null where a workbook's header cell is empty (that position is no
     *     column)
     */
    void header(List<String> names) {
        canonical = new ArrayList<>(names.size());
        List<String> unknown = new ArrayList<>();
        List<String> twice = new ArrayList<>();
        for (String header : names) {
            if (header == null) {
                canonical.add(null);
                continue;
            }
            String stripped = header.strip().replace("\uFEFF", "");
            String name = columns.get(stripped);
            Matcher unit = UNIT.matcher(stripped);
            if (name == null && unit.matches()) { // 计划投资（万元）, 场地面积(平方米): the column, in that unit
                name = columns.get(unit.group(1).strip());
            }
            if (name == null) {
                unknown.add(header);
            } else if (unit.matches() && UNIT_SCALE.containsKey(unit.group(2))) {
                scales.put(name, UNIT_SCALE.get(unit.group(2)));
            }
            if (name != null && canonical.contains(name)) {
                twice.add(headers.get(name) + " / " + stripped);
            }
            canonical.add(name);
            if (name != null) {
                headers.putIfAbsent(name, stripped);
                if (workbook) {
                    letters.putIfAbsent(
                            name, CellReference.convertNumToColString(canonical.size() - 1));
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid(
                    "header", Messages.text("field.unknown-columns", unknown, columns.keySet()));
        }
        if (!twice.isEmpty()) {
            // which of the two would win is not the clerk's intent to guess
            throw ProblemException.invalid(
                    "header", Messages.text("field.columns-twice", String.join(", ", twice)));
        }
    }

    /**
     * One row of the file after the header.
     *
     * @param line the row's line (a CSV file's, blank lines counted) or row number (a workbook's),
     *     the header's is 1
     * @param cells the cells by the header's positions (a shorter list: the rest are empty)
     */
    void row(int line, List<String> cells) {
        Map<String, String> byColumn = new LinkedHashMap<>();
        for (int i = 0; i < cells.size() && i < canonical.size(); i++) {
            String column = canonical.get(i);
            if (column != null) {
                byColumn.put(column, cells.get(i));
            }
        }
        CsvRow row = new CsvRow(line, byColumn, scales, letters);
        if (row.blank()) { // a row of empty cells (a trailing row of commas, a formatted but empty
            // row) is no row
            return;
        }
        if (rows.size() == maxRows) {
            throw new ProblemException(
                            ProblemException.Kind.TOO_LARGE,
                            "too-many-rows",
                            Messages.text("detail.too-many-rows", maxRows),
                            List.of())
                    .with("maxRows", maxRows);
        }
        rows.add(row);
    }

    Sheet sheet() {
        // a HashMap, not Map.copyOf: an error of the whole row looks up the null column
        return new Sheet(rows, new CsvImporter.Columns(Set.copyOf(headers.keySet())), headers);
    }
}
