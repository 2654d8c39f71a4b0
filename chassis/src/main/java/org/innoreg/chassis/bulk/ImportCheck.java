package org.innoreg.chassis.bulk;

import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.innoreg.chassis.bulk.CsvImporter.Columns;
import org.innoreg.chassis.bulk.CsvImporter.Spec;
import org.innoreg.chassis.bulk.ImportReport.RowError;
import org.innoreg.chassis.bulk.ImportRows.Sheet;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.problem.ProblemMappers;
import org.innoreg.chassis.security.Caller;

/**
 * The checks of one import before anything is written. First each row on its own: mapped, validated
 * (Bean Validation), and a file names each record once. Then, chunk by chunk, against the database:
 * an {@code id} that names no record, two rows of one record, the spec's own checks, and the
 * caller's regions. What passes all is {@link #checked()}; every error of every row, with its line,
 * cell and value, is in {@link #errors()}.
 */
final class ImportCheck<I, K, E> {

    private final Spec<I, K, E> spec;
    private final Sheet sheet;
    private final List<RowError> errors = new ArrayList<>();
    private final Set<Integer> invalidLines = new HashSet<>();
    private final List<ValidRow<I, K>> valid = new ArrayList<>();
    private final List<ValidRow<I, K>> checked = new ArrayList<>();
    private int rows;

    ImportCheck(Spec<I, K, E> spec, Sheet sheet) {
        this.spec = spec;
        this.sheet = sheet;
    }

    /** Maps and validates every row; a file without rows is a 400 problem. */
    void eachRow(Validator validator) {
        Map<K, Integer> lineOfKey = new HashMap<>();
        Map<UUID, Integer> lineOfId = new HashMap<>();
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
                    valid.add(new ValidRow<>(row.line(), input, key, id, row));
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
        errors.forEach(e -> invalidLines.add(e.line()));
    }

    /**
     * Checks the valid rows against the database and the caller's regions: a row of a region the
     * caller may not write makes the whole import a 403 problem naming the first 20.
     */
    void againstDatabase(Caller caller, EntityManager entityManager) {
        Map<UUID, Integer> lineOfRecord = new HashMap<>();
        List<String> outside = new ArrayList<>();
        for (List<ValidRow<I, K>> chunk : ValidRow.chunks(valid)) {
            Map<ValidRow<I, K>, E> existing = ValidRow.records(spec, chunk);
            for (ValidRow<I, K> row : chunk) {
                E record = existing.get(row);
                I input =
                        record == null
                                ? row.input()
                                : spec.keep(row.input(), record, sheet.columns());
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
                    checked.add(row);
                }
            }
            entityManager.clear(); // only read: keeps a large file's lookups from piling up
        }
        if (!outside.isEmpty()) {
            throw new ProblemException(
                    ProblemException.Kind.FORBIDDEN,
                    "region-forbidden",
                    Messages.text(
                            "detail.import-region-forbidden",
                            outside.size(),
                            String.join(", ", outside.subList(0, Math.min(20, outside.size())))),
                    null);
        }
    }

    /** A row the write itself refused: its error, and its line among the invalid ones. */
    void refused(RowError error) {
        invalidLines.add(error.line());
        errors.add(error);
    }

    Spec<I, K, E> spec() {
        return spec;
    }

    Sheet sheet() {
        return sheet;
    }

    /** The rows of the file, empty ones not counted. */
    int rows() {
        return rows;
    }

    /** The rows that passed every check, in the file's order. */
    List<ValidRow<I, K>> checked() {
        return checked;
    }

    /** The lines of the rows with an error. */
    int invalid() {
        return invalidLines.size();
    }

    List<RowError> errors() {
        return errors;
    }

    /** The error as the clerk needs it: the column as the file names it, and the cell's value. */
    static RowError rowError(
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
}
