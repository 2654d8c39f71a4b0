package org.innoreg.chassis.columns;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.innoreg.chassis.bulk.CsvRow;
import org.innoreg.chassis.labels.Labelled;

/**
 * One plain field of an aggregate, declared once: its table column, its name in the API and in
 * files, the other names a file may give it, and how the entity holds it. An aggregate's {@link
 * Columns} drive its view query, bulk insert, exports and imports, so that a new plain field is one
 * more line there (docs/adding-a-field.md). Fields with a shape of their own (references to other
 * records, JSON details) stay written out where they are used.
 *
 * @param <E> the entity
 */
public final class Column<E> {

    /** What a column holds, which says how it is stored, read from a file and written as JSON. */
    public enum Kind {
        TEXT("text"),
        TEXT_LIST("text[]"),
        DATE("date"),
        CHOICE("text"),
        /**
         * RMB yuan; a file's cell may carry 万元/亿元, or its header the unit ({@link CsvRow#amount}).
         */
        AMOUNT("numeric"),
        UUID("uuid");

        /** The column's SQL type. */
        public final String sqlType;

        Kind(String sqlType) {
            this.sqlType = sqlType;
        }
    }

    private final String name;
    private final String property;
    private final Kind kind;
    private final Class<? extends Enum<?>> choices;
    private final Function<E, ?> getter;
    private final BiConsumer<E, Object> setter;
    private final List<String> otherNames;

    @SuppressWarnings("unchecked")
    private Column(
            String property,
            Kind kind,
            Class<? extends Enum<?>> choices,
            Function<E, ?> getter,
            BiConsumer<E, ?> setter,
            String[] otherNames) {
        this.name = snakeCase(property);
        this.property = property;
        this.kind = kind;
        this.choices = choices;
        this.getter = getter;
        this.setter = (BiConsumer<E, Object>) setter;
        this.otherNames = List.of(otherNames);
    }

    /**
     * A text column; {@code otherNames} are the headers a file may give it besides the property.
     */
    public static <E> Column<E> text(
            String property,
            Function<E, String> getter,
            BiConsumer<E, String> setter,
            String... otherNames) {
        return new Column<>(property, Kind.TEXT, null, getter, setter, otherNames);
    }

    /** A {@code text[]} column; a file's cell holds the values separated by ';'. */
    public static <E> Column<E> list(
            String property,
            Function<E, List<String>> getter,
            BiConsumer<E, List<String>> setter,
            String... otherNames) {
        return new Column<>(property, Kind.TEXT_LIST, null, getter, setter, otherNames);
    }

    public static <E> Column<E> date(
            String property,
            Function<E, LocalDate> getter,
            BiConsumer<E, LocalDate> setter,
            String... otherNames) {
        return new Column<>(property, Kind.DATE, null, getter, setter, otherNames);
    }

    /** An amount of money in yuan, read from a file in the unit its cell or header names. */
    public static <E> Column<E> amount(
            String property,
            Function<E, BigDecimal> getter,
            BiConsumer<E, BigDecimal> setter,
            String... otherNames) {
        return new Column<>(property, Kind.AMOUNT, null, getter, setter, otherNames);
    }

    public static <E> Column<E> uuid(
            String property,
            Function<E, UUID> getter,
            BiConsumer<E, UUID> setter,
            String... otherNames) {
        return new Column<>(property, Kind.UUID, null, getter, setter, otherNames);
    }

    /** An enum stored by its constant's name; a file may give the name or the Chinese label. */
    public static <E, C extends Enum<C> & Labelled> Column<E> choice(
            String property,
            Class<C> type,
            Function<E, C> getter,
            BiConsumer<E, C> setter,
            String... otherNames) {
        return new Column<>(property, Kind.CHOICE, type, getter, setter, otherNames);
    }

    /**
     * The table column of a property: {@code responsibleOfficial} → {@code responsible_official}.
     */
    public static String snakeCase(String property) {
        return property.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** The table column. */
    public String name() {
        return name;
    }

    /** The name in the API, in events, in exports and in an import's header. */
    public String property() {
        return property;
    }

    public Kind kind() {
        return kind;
    }

    /** The headers a file may use besides {@link #property()}; the first is a workbook's. */
    public List<String> otherNames() {
        return otherNames;
    }

    /** The entity's value. */
    public Object get(E entity) {
        return getter.apply(entity);
    }

    /**
     * Sets the entity's value from what a database client reads ({@code String}, {@code String[]},
     * {@code LocalDate}, a {@code Number} for numeric, a {@code UUID}); null as null, a null list
     * as an empty one.
     */
    public void setFromDatabase(E entity, Object value) {
        setter.accept(
                entity,
                switch (kind) {
                    case TEXT, DATE -> value;
                    case TEXT_LIST -> value == null ? List.of() : Arrays.asList((String[]) value);
                    case CHOICE -> value == null ? null : choice((String) value);
                    // the reactive client reads numeric as a Number of its own, not a BigDecimal
                    case AMOUNT ->
                            value == null || value instanceof BigDecimal
                                    ? value
                                    : new BigDecimal(value.toString());
                    case UUID ->
                            value == null || value instanceof UUID
                                    ? value
                                    : UUID.fromString(value.toString());
                });
    }

    /** A file's cell, parsed; an unreadable cell is recorded on the row and read as null. */
    public Object cell(CsvRow row) {
        return switch (kind) {
            case TEXT -> row.text(property);
            case TEXT_LIST -> row.list(property);
            case DATE -> row.date(property);
            case CHOICE -> choiceCell(row);
            case AMOUNT -> row.amount(property);
            case UUID -> row.uuid(property);
        };
    }

    private <C extends Enum<C>> C choiceCell(CsvRow row) {
        Class<C> type = enumType();
        return row.choice(property, type, (t, text) -> t.cast(Labelled.parseAny(t, text)));
    }

    /** Writes the entity's value as a field of a JSON object (what a JSON recordset reads). */
    public void writeJson(JsonGenerator out, E entity) throws IOException {
        Object value = get(entity);
        out.writeFieldName(name);
        switch (kind) {
            case TEXT -> out.writeString((String) value);
            case DATE -> out.writeString(value == null ? null : value.toString());
            case CHOICE -> out.writeString(value == null ? null : ((Enum<?>) value).name());
            case UUID -> out.writeString(value == null ? null : value.toString());
            case AMOUNT -> {
                if (value == null) {
                    out.writeNull();
                } else {
                    out.writeNumber((BigDecimal) value);
                }
            }
            case TEXT_LIST -> {
                out.writeStartArray();
                for (Object element : value == null ? List.of() : (List<?>) value) {
                    out.writeString((String) element);
                }
                out.writeEndArray();
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object choice(String constant) {
        return Enum.valueOf((Class) choices, constant);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private <C extends Enum<C>> Class<C> enumType() {
        return (Class) choices;
    }
}
