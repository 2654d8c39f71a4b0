package org.innoreg.chassis.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import org.innoreg.chassis.bulk.ImportReport.Outcome;
import org.innoreg.chassis.bulk.ImportReport.RowError;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.problem.ProblemMappers;
import org.innoreg.chassis.security.Caller;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * CSV import, the same way in every service: read every row (UTF-8, a header row whose names may be the
 * English field names or their Chinese equivalents), map and validate each, and report per row. A dry
 * run stops there and changes nothing. A real run applies all rows in one transaction only when every
 * row is valid: all or nothing, one event per created or updated record.
 */
@ApplicationScoped
public class CsvImporter {

    /** Rows applied between two clears of the persistence context, so a large file stays linear. */
    private static final int BATCH = 200;

    private final Validator validator;
    private final EntityManager entityManager;
    private final Caller caller;

    CsvImporter(Validator validator, EntityManager entityManager, Caller caller) {
        this.caller = caller;
        this.validator = validator;
        this.entityManager = entityManager;
    }

    /** How one kind of record is imported. */
    public interface Spec<I> {

        /** Column names a file may use, mapped to canonical names; canonical names map to themselves. */
        Map<String, String> columns();

        /** Builds the input of one row, recording unparseable cells on the row. */
        I map(CsvRow row);

        /** Checks Bean Validation cannot make (references to other records); empty when none. */
        List<Problem.FieldError> check(I input);

        /** Creates or updates the record of one valid row, inside the import's transaction. */
        Outcome apply(I input);

        /** Whether the row would create a record (for a dry run's counts). */
        boolean isNew(I input);

        /** The region the row's record belongs to: importing another region's records needs the admin role. */
        String region(I input);
    }

    public <I> ImportReport run(InputStream csv, Spec<I> spec, boolean dryRun) {
        List<I> inputs = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        int rows = 0;
        int invalid = 0;
        int wouldCreate = 0;
        List<String> outside = new ArrayList<>();
        for (CsvRow row : read(csv, spec.columns())) {
            rows++;
            I input = spec.map(row);
            List<Problem.FieldError> rowErrors = new ArrayList<>(row.errors);
            if (rowErrors.isEmpty()) {
                for (ConstraintViolation<I> violation : validator.validate(input)) {
                    rowErrors.add(new Problem.FieldError(ProblemMappers.fieldOf(violation), violation.getMessage()));
                }
            }
            if (rowErrors.isEmpty()) {
                rowErrors.addAll(spec.check(input));
            }
            if (rowErrors.isEmpty() && !caller.mayWrite(spec.region(input))) {
                outside.add(row.line() + " (" + spec.region(input) + ")");
            }
            if (rowErrors.isEmpty()) {
                inputs.add(input);
                wouldCreate += spec.isNew(input) ? 1 : 0;
            } else {
                invalid++;
                rowErrors.forEach(e -> errors.add(new RowError(row.line(), e.field(), e.message())));
            }
        }
        if (rows == 0) {
            throw ProblemException.invalid("body", "the file has a header but no rows");
        }
        if (!outside.isEmpty()) {
            throw new ProblemException(403, "region-forbidden", "Outside your regions", outside.size()
                    + " rows are outside the regions your token may write under; importing other regions' data needs the "
                    + "admin role. Lines: " + String.join(", ", outside.subList(0, Math.min(20, outside.size()))), null);
        }
        if (dryRun || invalid > 0) {
            ImportReport report = new ImportReport(true, rows, rows - invalid, invalid, wouldCreate,
                    rows - invalid - wouldCreate, 0, errors);
            if (!dryRun) {
                throw new ProblemException(422, "import-refused", "Import refused", invalid + " of " + rows
                        + " rows are invalid; nothing was imported", List.of()).with("report", report);
            }
            return report;
        }
        int[] counts = new int[Outcome.values().length];
        // Large files take longer than the default 60 s transaction timeout.
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
            int applied = 0;
            for (I input : inputs) {
                counts[spec.apply(input).ordinal()]++;
                if (++applied % BATCH == 0) {
                    entityManager.flush();
                    entityManager.clear();
                }
            }
        });
        return new ImportReport(false, rows, rows, 0, counts[Outcome.CREATED.ordinal()],
                counts[Outcome.UPDATED.ordinal()], counts[Outcome.UNCHANGED.ordinal()], List.of());
    }

    private static List<CsvRow> read(InputStream csv, Map<String, String> columns) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        mapper.enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        List<CsvRow> rows = new ArrayList<>();
        try (InputStreamReader reader = new InputStreamReader(csv, StandardCharsets.UTF_8);
                MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(schema).readValues(reader)) {
            Map<String, String> headerNames = null;
            while (it.hasNextValue()) {
                Map<String, String> raw = it.nextValue();
                if (headerNames == null) {
                    headerNames = canonicalHeaders(raw.keySet(), columns);
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (Map.Entry<String, String> cell : raw.entrySet()) {
                    cells.put(headerNames.get(cell.getKey()), cell.getValue());
                }
                rows.add(new CsvRow(rows.size() + 2, cells)); // line 1 is the header
            }
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid("body", "not a readable CSV file: " + firstLine(e.getMessage()));
        }
        return rows;
    }

    private static Map<String, String> canonicalHeaders(Iterable<String> headers, Map<String, String> columns) {
        Map<String, String> canonical = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String header : headers) {
            String name = columns.get(header.strip().replace("\uFEFF", ""));
            if (name == null) {
                unknown.add(header);
            } else {
                canonical.put(header, name);
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalid("header", "unknown columns " + unknown + "; known columns: " + columns.keySet());
        }
        return canonical;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
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
