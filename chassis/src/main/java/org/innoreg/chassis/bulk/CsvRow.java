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

import org.innoreg.chassis.problem.Problem;

/**
 * One data row of an imported CSV file, by canonical column name. The typed getters return null for an
 * empty cell, and for a cell that does not parse, after recording why: a row's parse errors are reported
 * together with its validation errors.
 */
public final class CsvRow {

    private final int line;
    private final Map<String, String> cells;
    final List<Problem.FieldError> errors = new ArrayList<>();

    CsvRow(int line, Map<String, String> cells) {
        this.line = line;
        this.cells = cells;
    }

    /** The line of the file this row is on (the header is line 1). */
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
        return value == null ? null : Arrays.stream(value.split("[;；、]")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    public LocalDate date(String column) {
        return parse(column, "must be a date (YYYY-MM-DD)", value -> LocalDate.parse(value.replace('/', '-')));
    }

    public BigDecimal decimal(String column) {
        return parse(column, "must be a number", value -> new BigDecimal(value.replace(",", "")));
    }

    public Integer integer(String column) {
        return parse(column, "must be a whole number", Integer::valueOf);
    }

    public UUID uuid(String column) {
        return parse(column, "must be a UUID", UUID::fromString);
    }

    /**
     * An enum cell, read by a parser that accepts the constant's name or its Chinese label and answers null
     * for anything else.
     */
    public <E extends Enum<E>> E choice(String column, Class<E> type, BiFunction<Class<E>, String, E> parser) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        E parsed = parser.apply(type, value);
        if (parsed == null) {
            error(column, "'" + value + "' is not one of " + choices(type));
        }
        return parsed;
    }

    /** The values an enum cell may take: each constant, with its Chinese label where it has one. */
    static String choices(Class<? extends Enum<?>> type) {
        List<String> values = new ArrayList<>();
        for (Enum<?> constant : type.getEnumConstants()) {
            String label = null;
            try {
                label = (String) type.getMethod("chinese").invoke(constant);
            } catch (ReflectiveOperationException | ClassCastException e) {
                // no Chinese label: the code alone
            }
            values.add(label == null ? constant.name() : constant.name() + " (" + label + ")");
        }
        return String.join(", ", values);
    }

    /** Records a problem with a cell found while mapping the row. */
    public void error(String column, String message) {
        errors.add(new Problem.FieldError(column, message));
    }

    private <T> T parse(String column, String expectation, java.util.function.Function<String, T> parser) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            error(column, expectation + ", not '" + value + "'");
            return null;
        }
    }
}
