package org.innoreg.chassis.bulk;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Streams the rows of a query as CSV or an Excel workbook (a header of the column labels, then a
 * row of typed cells per row, written by a {@link TableWriter}) or as JSON lines (one object per
 * row; arrays as arrays, json columns as JSON, numbers as numbers), from a database cursor: nothing
 * is loaded whole, however large the table.
 */
public final class JdbcExport {

    private static final JsonFactory JSON = new JsonFactory();

    private JdbcExport() {}

    /**
     * @param params the statement's parameters, in order; a {@code String[]} is bound as a text
     *     array
     * @param bom CSV only: start with a UTF-8 byte-order mark ({@link TableWriter#open})
     * @param labels a workbook's header for a column label ({@code nameZh}: {@code 名称}; {@link
     *     CsvImporter#headers}); a label it has not stays as it is. A CSV file keeps the labels, as
     *     it always has.
     */
    public static void stream(
            DataSource dataSource,
            String sql,
            List<Object> params,
            OutputStream out,
            BulkFormat format,
            boolean bom,
            Map<String, String> labels) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(
                    false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(1000);
                for (int i = 0; i < params.size(); i++) {
                    Object param = params.get(i);
                    statement.setObject(
                            i + 1,
                            param instanceof String[] values
                                    ? connection.createArrayOf("text", values)
                                    : param);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    if (format == BulkFormat.JSONL) {
                        writeJsonLines(rows, out);
                    } else {
                        writeTable(
                                rows,
                                TableWriter.open(format, out, bom),
                                format == BulkFormat.XLSX ? labels : Map.of());
                    }
                }
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("export failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeTable(ResultSet rows, TableWriter table, Map<String, String> labels)
            throws SQLException, IOException {
        try (table) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> header = new ArrayList<>(meta.getColumnCount());
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                header.add(labels.getOrDefault(meta.getColumnLabel(i), meta.getColumnLabel(i)));
            }
            table.header(header);
            List<Object> cells = new ArrayList<>(meta.getColumnCount());
            while (rows.next()) {
                cells.clear();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    cells.add(cell(rows, meta, i));
                }
                table.row(cells);
            }
            table.finish();
        }
    }

    /**
     * A column's value as a typed cell: a date, a number, an instant, a list, else its text as
     * PostgreSQL writes it (a uuid, a code, a boolean's {@code t}).
     */
    private static Object cell(ResultSet rows, ResultSetMetaData meta, int i) throws SQLException {
        Object value = rows.getObject(i);
        if (value == null) {
            return null;
        }
        if (value instanceof Array array) {
            List<String> values = new ArrayList<>();
            for (Object element : (Object[]) array.getArray()) {
                values.add(String.valueOf(element));
            }
            return values;
        }
        return switch (meta.getColumnTypeName(i)) {
            case "date" -> rows.getObject(i, LocalDate.class);
            case "numeric", "int2", "int4", "int8", "float4", "float8" -> rows.getBigDecimal(i);
            case "timestamptz" -> rows.getObject(i, OffsetDateTime.class);
            default -> rows.getString(i);
        };
    }

    private static void writeJsonLines(ResultSet rows, OutputStream out)
            throws SQLException, IOException {
        ResultSetMetaData meta = rows.getMetaData();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            while (rows.next()) {
                json.writeStartObject();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rows.getObject(i);
                    if (value == null) {
                        continue;
                    }
                    json.writeFieldName(meta.getColumnLabel(i));
                    String type = meta.getColumnTypeName(i);
                    if (value instanceof Array array) {
                        json.writeStartArray();
                        for (Object element : (Object[]) array.getArray()) {
                            json.writeString(String.valueOf(element));
                        }
                        json.writeEndArray();
                    } else if (type.equals("json") || type.equals("jsonb")) {
                        json.writeRawValue(rows.getString(i));
                    } else if (value instanceof Number) {
                        json.writeNumber(rows.getBigDecimal(i));
                    } else if (value instanceof Boolean bool) {
                        json.writeBoolean(bool);
                    } else {
                        Object cell = cell(rows, meta, i);
                        json.writeString(
                                cell instanceof OffsetDateTime time
                                        ? time.withOffsetSameInstant(ZoneOffset.UTC)
                                                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                                        : String.valueOf(cell));
                    }
                }
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }
    }
}
