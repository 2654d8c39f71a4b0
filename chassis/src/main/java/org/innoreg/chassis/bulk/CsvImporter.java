package org.innoreg.chassis.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.chassis.bulk.ImportRows.Sheet;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.security.Caller;

/**
 * Bulk import, the same way in every service and for CSV and Excel files alike: read every row (CSV
 * in UTF-8 or GB18030/GBK, see {@link CsvReader} and {@link CsvText}, or a workbook's first sheet,
 * see {@link XlsxReader}; a header row whose names may be the English field names or their Chinese
 * equivalents), map and validate each, and report per row ({@link ImportCheck}). A dry run stops
 * there and changes nothing. A real run applies all rows in one transaction only when every row is
 * valid: all or nothing, one event per created or updated record ({@link ImportWrite}).
 *
 * <p>Rows go to the database in chunks ({@link ValidRow}): one query finds which of a chunk's
 * records exist, existing ones are updated one by one (each change is diffed and evented), and new
 * ones are created together, in one batch per table and one statement for their events. A large
 * file costs a few statements per chunk, not a few per row.
 */
@ApplicationScoped
public class CsvImporter {

    private final Validator validator;
    private final EntityManager entityManager;
    private final Caller caller;
    private final int maxRows;

    CsvImporter(
            Validator validator,
            EntityManager entityManager,
            Caller caller,
            @ConfigProperty(name = "innoreg.import.max-rows", defaultValue = "200000")
                    int maxRows) {
        this.caller = caller;
        this.maxRows = maxRows;
        this.validator = validator;
        this.entityManager = entityManager;
    }

    /**
     * How one kind of record is imported.
     *
     * @param <I> the input a row maps to (the API's create/replace input)
     * @param <K> the natural key that identifies a row's record (the file has no ids)
     * @param <E> the record
     */
    public interface Spec<I, K, E> {

        /**
         * Column names a file may use, mapped to canonical names; canonical names map to
         * themselves.
         */
        Map<String, String> columns();

        /** Builds the input of one row, recording unparseable cells on the row. */
        I map(CsvRow row);

        /**
         * The input a row of a file with these columns makes for an existing record: the file's
         * value of each column it has, the stored value of each it does not. An import never
         * changes a field whose column the file does not carry (an export for a reader who may not
         * see a field leaves its column out).
         */
        I keep(I input, E existing, Columns columns);

        /** The natural key of a valid row's record; a file names each record once. */
        K key(I input);

        /** The records among these keys that exist already, by key, in one query. */
        Map<K, E> existing(Collection<K> keys);

        /** The records with these ids (a row's {@code id} cell), by id, in one query. */
        Map<UUID, E> byIds(Collection<UUID> ids);

        /** The record's id. */
        UUID idOf(E record);

        /**
         * Checks Bean Validation cannot make (references to other records, what the existing record
         * allows); empty when none.
         *
         * @param existing the row's record, or null when the row creates one
         */
        List<Problem.FieldError> check(I input, E existing);

        /**
         * The region the row's record belongs to: importing another region's records needs the
         * admin role.
         */
        String region(I input);

        /**
         * Replaces an existing record with a valid row; true when that changed it (and recorded its
         * event).
         */
        boolean update(E existing, I input);

        /** Creates the records of valid rows that name no existing record, together. */
        void createAll(List<I> inputs);

        /**
         * The canonical column of an input field whose name is no column's ({@code hostIds} is
         * {@code hosts}), or null.
         */
        default String columnOf(String field) {
            return null;
        }
    }

    /** The canonical names of the columns a file has. */
    public record Columns(Set<String> names) {

        public boolean has(String column) {
            return names.contains(column);
        }

        /** The file's value when the file has the column, else the stored one. */
        public <T> T pick(String column, T fromFile, T stored) {
            return has(column) ? fromFile : stored;
        }

        /** Whether the file has any of these columns. */
        public boolean hasAny(String... columns) {
            for (String column : columns) {
                if (has(column)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Imports a file: CSV ({@code text/csv} or {@code text/plain}; its {@code charset} honoured,
     * else UTF-8 with or without a byte-order mark or GB18030/GBK recognised from the bytes, {@link
     * CsvText}) or an Excel workbook ({@link BulkFormat#XLSX_TYPE}, or {@code
     * application/octet-stream} whose bytes are one, {@link XlsxReader}). Both are read into the
     * same rows of cells, and from there imported the same way.
     *
     * @param type the request's Content-Type
     */
    public <I, K, E> ImportReport run(
            InputStream body, MediaType type, Spec<I, K, E> spec, boolean dryRun) {
        // to look at the first bytes and read them again
        InputStream in = FileMagic.prepareToCheckMagic(body);
        boolean workbook =
                BulkFormat.isWorkbook(type)
                        || BulkFormat.isOctetStream(type) && XlsxReader.looksLikeWorkbook(in);
        ImportRows rows = new ImportRows(spec.columns(), maxRows, workbook);
        if (workbook) {
            XlsxReader.read(in, rows);
        } else if (XlsxReader.looksLikeWorkbook(in)) {
            // Decoded as text it would be a baffling "byte 0x.. is not UTF-8" on line 1.
            throw ProblemException.invalid(
                    "Content-Type", Messages.text("field.body-is-workbook", BulkFormat.XLSX_TYPE));
        } else {
            CsvReader.read(in, CsvText.charsetOf(type), rows);
        }
        return run(rows.sheet(), spec, dryRun);
    }

    private <I, K, E> ImportReport run(Sheet sheet, Spec<I, K, E> spec, boolean dryRun) {
        long started = System.nanoTime();
        ImportCheck<I, K, E> check = new ImportCheck<>(spec, sheet);
        check.eachRow(validator);
        long mapped = System.nanoTime();
        check.againstDatabase(caller, entityManager);
        long checked = System.nanoTime();
        return new ImportWrite(entityManager).run(check, dryRun, started, mapped, checked);
    }

    /**
     * The header a workbook shows for each canonical column: its first other name (the Chinese one,
     * {@code nameZh}: {@code 名称}), which an import reads back; a column without one keeps its
     * canonical name.
     */
    public static Map<String, String> headers(Map<String, String> columns) {
        Map<String, String> headers = new LinkedHashMap<>();
        columns.forEach(
                (name, canonical) -> {
                    if (!name.equals(canonical)) {
                        headers.putIfAbsent(canonical, name);
                    }
                });
        return headers;
    }

    /** Column aliases from pairs: canonical name, then the other names it may have in a file. */
    public static Map<String, String> columns(String[]... groups) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String[] group : groups) {
            for (String name : group) {
                columns.put(name, group[0]);
            }
        }
        return columns;
    }
}
