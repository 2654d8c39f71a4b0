package org.innoreg.chassis.bulk;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.chassis.bulk.ImportReport.RowError;
import org.innoreg.chassis.bulk.ImportRows.Sheet;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.problem.ProblemMappers;
import org.innoreg.chassis.security.Caller;
import org.jboss.logging.Logger;

/**
 * Bulk import, the same way in every service and for CSV and Excel files alike: read every row (CSV
 * in UTF-8 or GB18030/GBK, see {@link CsvText}, or a workbook's first sheet, see {@link
 * XlsxReader}; a header row whose names may be the English field names or their Chinese
 * equivalents), map and validate each, and report per row. A dry run stops there and changes
 * nothing. A real run applies all rows in one transaction only when every row is valid: all or
 * nothing, one event per created or updated record.
 *
 * <p>Rows go to the database in chunks: one query finds which of a chunk's records exist, existing
 * ones are updated one by one (each change is diffed and evented), and new ones are created
 * together, in one batch per table and one statement for their events. A large file costs a few
 * statements per chunk, not a few per row.
 */
@ApplicationScoped
public class CsvImporter {

    private static final Logger LOG = Logger.getLogger(CsvImporter.class);

    /** Rows per chunk: one lookup of existing records and one batch of inserts each. */
    private static final int CHUNK = 500;

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
     * A row that mapped and passed Bean Validation. A row with an {@code id} names that record (a
     * changed name is a rename); one without names the record of its natural key.
     */
    private record Valid<I, K>(int line, I input, K key, UUID id, CsvRow row) {}

    /** The rows' records, by id and by natural key, in two queries. */
    private static <I, K, E> Map<Valid<I, K>, E> records(
            Spec<I, K, E> spec, List<Valid<I, K>> rows) {
        Map<UUID, E> byId =
                spec.byIds(
                        rows.stream()
                                .map(Valid::id)
                                .filter(java.util.Objects::nonNull)
                                .distinct()
                                .toList());
        Map<K, E> byKey =
                spec.existing(rows.stream().filter(r -> r.id() == null).map(Valid::key).toList());
        Map<Valid<I, K>, E> records = new java.util.IdentityHashMap<>();
        for (Valid<I, K> row : rows) {
            E record = row.id() != null ? byId.get(row.id()) : byKey.get(row.key());
            if (record != null) {
                records.put(row, record);
            }
        }
        return records;
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
        InputStream in =
                FileMagic.prepareToCheckMagic(
                        body); // to look at the first bytes and read them again
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
            readCsv(text(in, CsvText.charsetOf(type)), rows);
        }
        return run(rows.sheet(), spec, dryRun);
    }

    private <I, K, E> ImportReport run(Sheet sheet, Spec<I, K, E> spec, boolean dryRun) {
        long started = System.nanoTime();
        List<Valid<I, K>> valid = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<K, Integer> lineOfKey = new HashMap<>();
        Map<UUID, Integer> lineOfId = new HashMap<>();
        Map<UUID, Integer> lineOfRecord = new HashMap<>();
        int rows = 0;
        Columns columns = sheet.columns();
        for (CsvRow row : sheet.rows()) {
            rows++;
            I input = spec.map(row);
            UUID id = columns.has("id") ? row.uuid("id") : null;
            List<Problem.FieldError> rowErrors = new ArrayList<>(row.errors);
            Set<String> unparsed = new HashSet<>();
            row.errors.forEach(e -> unparsed.add(e.field()));
            // Every error of the row: Bean Validation's too, but not a second one for a cell that
            // did not parse.
            for (ConstraintViolation<I> violation : validator.validate(input)) {
                String field = ProblemMappers.fieldOf(violation);
                if (!unparsed.contains(columnOf(field, spec))) {
                    rowErrors.add(new Problem.FieldError(field, message(violation)));
                }
            }
            if (rowErrors.isEmpty()) {
                K key = spec.key(input);
                Integer first =
                        id != null
                                ? lineOfId.putIfAbsent(id, row.line())
                                : lineOfKey.putIfAbsent(key, row.line());
                if (first == null) {
                    valid.add(new Valid<>(row.line(), input, key, id, row));
                } else {
                    rowErrors.add(
                            new Problem.FieldError(
                                    "row", Messages.text("field.row-same-record", first)));
                }
            }
            rowErrors.forEach(e -> errors.add(rowError(row, e, spec, sheet)));
        }
        if (rows == 0) {
            throw ProblemException.invalid("body", Messages.text("field.file-no-rows"));
        }
        long mapped = System.nanoTime();
        List<String> outside = new ArrayList<>();
        Set<Integer> invalidLines = new HashSet<>();
        errors.forEach(e -> invalidLines.add(e.line()));
        List<Valid<I, K>> checkedRows = new ArrayList<>();
        for (List<Valid<I, K>> chunk : chunks(valid)) {
            Map<Valid<I, K>, E> existing = records(spec, chunk);
            for (Valid<I, K> row : chunk) {
                E record = existing.get(row);
                I input = record == null ? row.input() : spec.keep(row.input(), record, columns);
                List<Problem.FieldError> rowErrors = new ArrayList<>();
                if (row.id() != null && record == null) {
                    rowErrors.add(
                            new Problem.FieldError("id", Messages.text("field.row-unknown-id")));
                } else {
                    Integer first =
                            record == null
                                    ? null
                                    : lineOfRecord.putIfAbsent(spec.idOf(record), row.line());
                    if (first != null) {
                        rowErrors.add(
                                new Problem.FieldError(
                                        "row",
                                        Messages.text("field.row-same-record-id-name", first)));
                    }
                    rowErrors.addAll(spec.check(input, record));
                }
                if (!rowErrors.isEmpty()) {
                    invalidLines.add(row.line());
                    rowErrors.forEach(e -> errors.add(rowError(row.row(), e, spec, sheet)));
                } else if (!caller.mayWrite(spec.region(row.input()))) {
                    outside.add(row.line() + " (" + spec.region(row.input()) + ")");
                } else {
                    checkedRows.add(row);
                }
            }
            entityManager.clear(); // only read: keeps a large file's lookups from piling up
        }
        if (!outside.isEmpty()) {
            throw new ProblemException(
                    403,
                    "region-forbidden",
                    Messages.text(
                            "detail.import-region-forbidden",
                            outside.size(),
                            String.join(", ", outside.subList(0, Math.min(20, outside.size())))),
                    null);
        }
        long checked = System.nanoTime();
        // The dry run does what the real run does, in a transaction it then rolls back: its counts
        // are the real
        // run's (an unchanged row is unchanged, not "updated"), and so is any error only the write
        // itself finds.
        int[] counts = new int[3]; // created, updated, unchanged
        boolean rehearse = dryRun || invalidLines.isEmpty();
        if (rehearse && !checkedRows.isEmpty()) {
            try {
                rehearseOrApply(spec, columns, checkedRows, counts, dryRun, sheet);
            } catch (RowFailed failed) {
                counts[0] = counts[1] = counts[2] = 0;
                invalidLines.add(failed.error.line());
                errors.add(failed.error);
            }
        }
        int invalid = invalidLines.size();
        long applied = System.nanoTime();
        if (dryRun || invalid > 0) {
            errors.sort(Comparator.comparingInt(RowError::line));
            ImportReport report =
                    new ImportReport(
                            true,
                            rows,
                            rows - invalid,
                            invalid,
                            counts[0],
                            counts[1],
                            counts[2],
                            errors);
            if (!dryRun) {
                throw new ProblemException(
                                422,
                                "import-refused",
                                Messages.text("detail.import-refused", invalid, rows),
                                List.of())
                        .with("report", report);
            }
            LOG.infof(
                    "dry run of %d rows (%d invalid; %d would be created, %d updated, %d unchanged) in %d ms",
                    rows,
                    invalid,
                    counts[0],
                    counts[1],
                    counts[2],
                    (applied - started) / 1_000_000);
            return report;
        }
        LOG.infof(
                "imported %d rows (%d created, %d updated, %d unchanged): read and validated in %d ms, checked against "
                        + "the database in %d ms, applied in %d ms",
                rows,
                counts[0],
                counts[1],
                counts[2],
                (mapped - started) / 1_000_000,
                (checked - mapped) / 1_000_000,
                (applied - checked) / 1_000_000);
        return new ImportReport(false, rows, rows, 0, counts[0], counts[1], counts[2], List.of());
    }

    /**
     * A row the write itself refused (a rule only the write can check): the whole run is rolled
     * back.
     */
    private static final class RowFailed extends RuntimeException {

        final RowError error;

        RowFailed(RowError error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    /** Applies the rows in one transaction, committed or, on a dry run, rolled back. */
    private <I, K, E> void apply(
            Spec<I, K, E> spec,
            Columns columns,
            List<Valid<I, K>> rows,
            int[] counts,
            boolean dryRun,
            Sheet sheet) {
        // Large files take longer than the default 60 s transaction timeout.
        QuarkusTransaction.requiringNew()
                .timeout(1800)
                .run(
                        () -> {
                            for (List<Valid<I, K>> chunk : chunks(rows)) {
                                // Read again, inside the transaction: the checks above ran outside
                                // it, and their entities are gone.
                                Map<Valid<I, K>, E> existing = records(spec, chunk);
                                List<I> created = new ArrayList<>();
                                for (Valid<I, K> row : chunk) {
                                    E record = existing.get(row);
                                    if (record == null) {
                                        created.add(row.input());
                                        continue;
                                    }
                                    try {
                                        counts[
                                                spec.update(
                                                                record,
                                                                spec.keep(
                                                                        row.input(),
                                                                        record,
                                                                        columns))
                                                        ? 1
                                                        : 2]++;
                                    } catch (ProblemException e) {
                                        List<Problem.FieldError> fields =
                                                e.fieldErrors().isEmpty()
                                                        ? List.of(
                                                                new Problem.FieldError(
                                                                        "row", e.getMessage()))
                                                        : e.fieldErrors();
                                        throw new RowFailed(
                                                rowError(row.row(), fields.get(0), spec, sheet));
                                    }
                                }
                                spec.createAll(created);
                                counts[0] += created.size();
                                entityManager.flush();
                                entityManager.clear();
                            }
                            if (dryRun) {
                                throw new Rehearsed(); // rolls the transaction back
                            }
                        });
    }

    /** Ends a dry run's transaction: whatever it wrote is rolled back. */
    private static final class Rehearsed extends RuntimeException {

        Rehearsed() {
            super(null, null, false, false);
        }
    }

    /**
     * Runs the rows, committed or (dry run) rolled back; a row the write refused comes out as
     * RowFailed.
     */
    private <I, K, E> void rehearseOrApply(
            Spec<I, K, E> spec,
            Columns columns,
            List<Valid<I, K>> rows,
            int[] counts,
            boolean dryRun,
            Sheet sheet) {
        try {
            apply(spec, columns, rows, counts, dryRun, sheet);
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null
                    && !(cause instanceof Rehearsed)
                    && !(cause instanceof RowFailed)) {
                cause = cause.getCause();
            }
            if (cause instanceof RowFailed failed) {
                throw failed;
            }
            if (!(cause instanceof Rehearsed)) {
                throw e;
            }
        }
    }

    /** The error as the clerk needs it: the column as the file names it, and the cell's value. */
    private static RowError rowError(
            CsvRow row, Problem.FieldError error, Spec<?, ?, ?> spec, Sheet sheet) {
        String column = columnOf(error.field(), spec);
        String header = sheet.headers().get(column);
        return new RowError(
                row.line(),
                row.ref(column),
                error.field(),
                header,
                header == null ? null : row.raw(column),
                error.message());
    }

    /**
     * The canonical column a field of the input comes from: its first part ({@code
     * certifications[0].validTo} is the certifications column), else its last ({@code
     * detail.floorAreaM2}), else the spec's own name for it.
     */
    static String columnOf(String field, Spec<?, ?, ?> spec) {
        if (field == null) {
            return null;
        }
        String[] parts = field.split("\\.");
        String first = parts[0].replaceAll("\\[.*", "");
        if (spec.columns().containsValue(first)) {
            return first;
        }
        String last = parts[parts.length - 1].replaceAll("\\[.*", "");
        if (spec.columns().containsValue(last)) {
            return last;
        }
        return spec.columnOf(first);
    }

    /** A violation in words a clerk can act on: what would be valid. */
    private static String message(ConstraintViolation<?> violation) {
        String constraint =
                violation
                        .getConstraintDescriptor()
                        .getAnnotation()
                        .annotationType()
                        .getSimpleName();
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> Messages.text("field.cell-required");
            default -> violation.getMessage();
        };
    }

    private static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += CHUNK) {
            chunks.add(items.subList(from, Math.min(items.size(), from + CHUNK)));
        }
        return chunks;
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
                    rows.header(new ArrayList<>(raw.keySet()));
                }
                rows.row(line, new ArrayList<>(raw.values()));
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid(
                    "body", Messages.text("field.not-csv", firstLine(e.getMessage())));
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
