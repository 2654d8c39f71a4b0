package org.innoreg.chassis.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * Streams the rows of a query as CSV (a header of the column labels; list cells joined with ';'; instants in
 * RFC 3339) or as
 * JSON lines (one object per row; arrays as arrays, json columns as JSON, numbers as numbers), from a
 * database cursor: nothing is loaded whole, however large the table.
 */
public final class JdbcExport {

    private static final JsonFactory JSON = new JsonFactory();

    private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

    private JdbcExport() {
    }

    public static void stream(DataSource dataSource, String sql, OutputStream out, boolean jsonLines) {
        stream(dataSource, sql, out, jsonLines, false);
    }

    /**
     * @param bom start a CSV file with a UTF-8 byte-order mark, so that Excel (which reads a CSV file without
     *        one in the machine's code page, GBK on a Chinese Windows) shows its Chinese text right
     */
    public static void stream(DataSource dataSource, String sql, OutputStream out, boolean jsonLines, boolean bom) {
        stream(dataSource, sql, List.of(), out, jsonLines, bom);
    }

    /** @param params the statement's parameters, in order; a {@code String[]} is bound as a text array */
    public static void stream(DataSource dataSource, String sql, List<Object> params, OutputStream out, boolean jsonLines,
            boolean bom) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(1000);
                for (int i = 0; i < params.size(); i++) {
                    Object param = params.get(i);
                    statement.setObject(i + 1, param instanceof String[] values ? connection.createArrayOf("text", values) : param);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    if (jsonLines) {
                        writeJsonLines(rows, out);
                    } else {
                        if (bom) {
                            out.write(UTF8_BOM);
                        }
                        writeCsv(rows, out);
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

    private static void writeCsv(ResultSet rows, OutputStream out) throws SQLException, IOException {
        ResultSetMetaData meta = rows.getMetaData();
        CsvMapper mapper = new CsvMapper();
        mapper.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
        try (SequenceWriter writer = mapper.writer(CsvSchema.emptySchema()).writeValues(out)) {
            List<String> cells = new ArrayList<>(meta.getColumnCount());
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                cells.add(meta.getColumnLabel(i));
            }
            writer.write(cells);
            while (rows.next()) {
                cells.clear();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rows.getObject(i);
                    // A null would drop the cell, and with it the column: write an empty one.
                    cells.add(value == null ? "" : value instanceof Array array ? join(array) : text(rows, meta, i));
                }
                writer.write(cells);
            }
        }
    }

    private static void writeJsonLines(ResultSet rows, OutputStream out) throws SQLException, IOException {
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
                        json.writeString(text(rows, meta, i));
                    }
                }
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }
    }

    /** A cell as text; an instant in RFC 3339 ({@code 2026-12-01T00:00:00.123456Z}), not PostgreSQL's own form. */
    private static String text(ResultSet rows, ResultSetMetaData meta, int i) throws SQLException {
        String type = meta.getColumnTypeName(i);
        if (type.equals("timestamptz")) {
            return rows.getObject(i, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        return rows.getString(i);
    }

    private static String join(Array array) throws SQLException {
        List<String> values = new ArrayList<>();
        for (Object element : (Object[]) array.getArray()) {
            values.add(String.valueOf(element));
        }
        return String.join(";", values);
    }
}
