package org.innoreg.chassis.bulk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.innoreg.chassis.labels.Labelled;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;

/**
 * One data row of an imported file (CSV, or a workbook's sheet read into the same text cells:
 * {@link XlsxReader}), by canonical column name. The typed getters return null for an empty cell,
 * and for a cell that does not parse, after recording why: a row's parse errors are reported
 * together with its validation errors.
 */
public final class CsvRow {

    private final int line;
    private final Map<String, String> cells;
    private final Map<String, BigDecimal> scales;
    private final Map<String, String> letters;
    final List<Problem.FieldError> errors = new ArrayList<>();

    /**
     * @param scales per amount column, the yuan its header's unit stands for ({@code （万元）}: 10,000)
     * @param letters per column, its letters in a workbook ({@code C}); empty for a CSV file
     */
    CsvRow(
            int line,
            Map<String, String> cells,
            Map<String, BigDecimal> scales,
            Map<String, String> letters) {
        this.line = line;
        this.cells = cells;
        this.scales = scales;
        this.letters = letters;
    }

    /**
     * The column's cell in a workbook ({@code C7}, also when it is empty), or null: a CSV file has
     * none.
     */
    String ref(String column) {
        String letter = column == null ? null : letters.get(column);
        return letter == null ? null : letter + line;
    }

    /** Whether every cell of the row is empty (a trailing row of commas, as spreadsheets leave). */
    boolean blank() {
        return cells.values().stream().allMatch(v -> v == null || v.isBlank());
    }

    /** The line of the file this row is on, or a workbook's row number (the header is line 1). */
    public int line() {
        return line;
    }

    /** The cell as the file has it (stripped), or null when empty or absent. */
    public String raw(String column) {
        return text(column);
    }

    public String text(String column) {
        String value = cells.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A list cell: values separated by ';', '；' or '、' (as Chinese spreadsheets write them). */
    public List<String> list(String column) {
        String value = text(column);
        return value == null
                ? null
                : Arrays.stream(value.split("[;；、]"))
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .toList();
    }

    private static final Pattern DATE =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern AMOUNT = Pattern.compile("(.*?)\\s*(亿元|亿|万元|万|元)?");
    private static final BigDecimal TEN_THOUSAND = new BigDecimal(10_000);
    private static final BigDecimal HUNDRED_MILLION = new BigDecimal(100_000_000);

    /**
     * A date as people type it: {@code 2022-05-10}, {@code 2022/5/10}, {@code 2022.5.10}, {@code
     * 2022年5月10日}.
     */
    public static LocalDate parseDate(String text) {
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a date");
        }
        try {
            return LocalDate.of(
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("no such day");
        }
    }

    public LocalDate date(String column) {
        return parse(column, "field.cell-date", CsvRow::parseDate);
    }

    /** A number with or without thousands separators ({@code 1,200,000} or {@code 1，200，000}). */
    private static BigDecimal number(String text) {
        return new BigDecimal(text.replaceAll("[,，\\s_]", ""));
    }

    public BigDecimal decimal(String column) {
        return parse(column, "field.cell-number", CsvRow::number);
    }

    /**
     * An amount in RMB yuan: a number (thousands separators allowed), in the column's unit when its
     * header names one ({@code 计划投资（万元）}), or with its own unit, {@code 5000万元}, {@code 12亿},
     * {@code 3,000,000元}.
     */
    public BigDecimal amount(String column) {
        BigDecimal columnScale = scales.getOrDefault(column, BigDecimal.ONE);
        return parse(
                column,
                "field.cell-amount",
                value -> {
                    Matcher m = AMOUNT.matcher(value);
                    if (!m.matches()) {
                        throw new IllegalArgumentException();
                    }
                    BigDecimal scale =
                            m.group(2) == null
                                    ? columnScale
                                    : switch (m.group(2)) {
                                        case "亿元", "亿" -> HUNDRED_MILLION;
                                        case "万元", "万" -> TEN_THOUSAND;
                                        default -> BigDecimal.ONE;
                                    };
                    return number(m.group(1)).multiply(scale);
                });
    }

    public Integer integer(String column) {
        return parse(
                column,
                "field.cell-integer",
                value -> Integer.valueOf(value.replaceAll("[,，\\s_]", "")));
    }

    public UUID uuid(String column) {
        return parse(column, "field.cell-uuid", UUID::fromString);
    }

    /**
     * An enum cell, read by a parser that accepts the constant's name or its Chinese label and
     * answers null for anything else.
     */
    public <E extends Enum<E>> E choice(
            String column, Class<E> type, BiFunction<Class<E>, String, E> parser) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        E parsed = parser.apply(type, value);
        if (parsed == null) {
            error(column, Messages.text("field.not-one-of", value, Labelled.choices(type)));
        }
        return parsed;
    }

    /** Records a problem with a cell found while mapping the row. */
    public void error(String column, String message) {
        errors.add(new Problem.FieldError(column, message));
    }

    /** {@code expectation}: the key of what the cell must be, e.g. {@code field.cell-date}. */
    private <T> T parse(
            String column, String expectation, java.util.function.Function<String, T> parser) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            error(column, Messages.text("field.cell-not", Messages.text(expectation), value));
            return null;
        }
    }
}
