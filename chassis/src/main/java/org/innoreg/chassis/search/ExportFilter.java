package org.innoreg.chassis.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.innoreg.chassis.validation.RegionCodes;

/**
 * The conditions an export's list filters put on its query, with their parameters in order. A
 * filter without a value (null, or no values) adds none: no filter at all exports everything.
 * Positional ({@code ?}) beside {@link KeysetQuery}'s named parameters because an export streams
 * through plain JDBC ({@code JdbcExport}), which has no named parameters.
 */
public final class ExportFilter {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();

    /** Records of the region or below it; {@code column} holds the region code. */
    public ExportFilter region(String column, String region) {
        return region == null
                ? this
                : add(column + " LIKE ?", RegionCodes.descendantPrefix(region) + "%");
    }

    /** Records whose enum {@code column} is one of the values. */
    public ExportFilter anyOf(String column, Collection<? extends Enum<?>> values) {
        return values == null || values.isEmpty()
                ? this
                : add(column + " = ANY(?)", values.stream().map(Enum::name).toArray(String[]::new));
    }

    /** Records where {@code expression} equals the value (an enum by its constant's name). */
    public ExportFilter equal(String expression, Object value) {
        return value == null
                ? this
                : add(expression + " = ?", value instanceof Enum<?> e ? e.name() : value);
    }

    private ExportFilter add(String condition, Object param) {
        conditions.add(condition);
        params.add(param);
        return this;
    }

    /** {@code " WHERE a AND b"}, or nothing when no filter has a value. */
    public String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** The parameters of {@link #where()}'s placeholders, in order. */
    public List<Object> params() {
        return params;
    }
}
