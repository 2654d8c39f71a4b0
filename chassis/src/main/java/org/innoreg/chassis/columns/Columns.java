package org.innoreg.chassis.columns;

import static java.util.stream.Collectors.joining;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.innoreg.chassis.bulk.CsvRow;

/**
 * An aggregate's plain fields, in the order its exports write them: the one list its view query,
 * bulk insert, exports and imports are written from.
 *
 * @param <E> the entity
 */
public final class Columns<E> {

    private final List<Column<E>> columns;

    private Columns(List<Column<E>> columns) {
        this.columns = columns;
    }

    @SafeVarargs
    public static <E> Columns<E> of(Column<E>... columns) {
        return new Columns<>(List.of(columns));
    }

    public List<Column<E>> all() {
        return columns;
    }

    /** {@code p.name_zh, p.name_en, …}: a select list of the columns of table alias {@code p}. */
    public String select(String alias) {
        return columns.stream().map(c -> alias + "." + c.name()).collect(joining(", "));
    }

    /**
     * {@code p.name_zh AS "nameZh", …}: the columns named as the API and files name them (what an
     * export writes).
     */
    public String selectAsProperties(String alias) {
        return columns.stream()
                .map(c -> alias + "." + c.name() + " AS \"" + c.property() + "\"")
                .collect(joining(", "));
    }

    /** {@code name_zh, name_en, …}: an insert's column list. */
    public String names() {
        return columns.stream().map(Column::name).collect(joining(", "));
    }

    /** {@code name_zh text, aliases text[], …}: the record definition of a JSON recordset. */
    public String recordDefinition() {
        return columns.stream().map(c -> c.name() + " " + c.kind().sqlType).collect(joining(", "));
    }

    /**
     * Each column's names in a file, the property first (for {@code CsvImporter.columns}), followed
     * by those of the aggregate's other columns.
     */
    public String[][] fileNames(String[]... others) {
        return Stream.concat(
                        columns.stream()
                                .map(
                                        c ->
                                                Stream.concat(
                                                                Stream.of(c.property()),
                                                                c.otherNames().stream())
                                                        .toArray(String[]::new)),
                        Stream.of(others))
                .toArray(String[][]::new);
    }

    /** Writes the entity's values as fields of a JSON object, named as the table names them. */
    public void writeJson(JsonGenerator out, E entity) throws IOException {
        for (Column<E> column : columns) {
            column.writeJson(out, entity);
        }
    }

    /** Sets the entity's values from a database row, given as the row's value of a column. */
    public void readFromDatabase(E entity, Function<String, Object> row) {
        for (Column<E> column : columns) {
            column.setFromDatabase(entity, row.apply(column.name()));
        }
    }

    /** Puts the row's cells into {@code values}, by property. */
    public void readCells(CsvRow row, Map<String, Object> values) {
        for (Column<E> column : columns) {
            values.put(column.property(), column.cell(row));
        }
    }

    /**
     * Puts into {@code values} the stored value of each column a file does not have: an import
     * changes only the fields whose columns it carries.
     */
    public void keepAbsent(E stored, Set<String> fileColumns, Map<String, Object> values) {
        for (Column<E> column : columns) {
            if (!fileColumns.contains(column.property())) {
                values.put(column.property(), column.get(stored));
            }
        }
    }
}
