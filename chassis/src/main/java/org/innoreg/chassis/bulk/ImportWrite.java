package org.innoreg.chassis.bulk;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.innoreg.chassis.bulk.CsvImporter.Columns;
import org.innoreg.chassis.bulk.CsvImporter.Spec;
import org.innoreg.chassis.bulk.ImportReport.RowError;
import org.innoreg.chassis.persistence.VersionedEntity;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.problem.ProblemException;
import org.jboss.logging.Logger;

/**
 * Writes the checked rows of an import and reports. The rows go in one transaction, chunk by chunk:
 * existing records updated one by one (each change diffed and evented), new ones created together.
 * A real run commits only when every row is valid (all or nothing); a dry run does what the real
 * run does, in a transaction it then rolls back, so that its counts are the real run's (an
 * unchanged row is unchanged, not "updated") and so is any error only the write itself finds.
 */
final class ImportWrite {

    /** The import's log, under the importer's name as operators know it. */
    private static final Logger LOG = Logger.getLogger(CsvImporter.class);

    private final EntityManager entityManager;

    ImportWrite(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Writes (or rehearses) the checked rows and reports; a real run with invalid rows is a 422
     * problem carrying the report.
     *
     * @param started when the import began, {@code mapped} when its rows were read and validated,
     *     {@code checked} when they had been checked against the database (for the log)
     */
    <I, K, E> ImportReport run(
            ImportCheck<I, K, E> check, boolean dryRun, long started, long mapped, long checked) {
        int[] counts = new int[3]; // created, updated, unchanged
        boolean rehearse = dryRun || check.invalid() == 0;
        if (rehearse && !check.checked().isEmpty()) {
            try {
                rehearseOrApply(check, counts, dryRun);
            } catch (RowFailed failed) {
                counts[0] = counts[1] = counts[2] = 0;
                check.refused(failed.error);
            }
        }
        int rows = check.rows();
        int invalid = check.invalid();
        long applied = System.nanoTime();
        if (dryRun || invalid > 0) {
            List<RowError> errors = check.errors();
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
                                ProblemException.Kind.UNPROCESSABLE,
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
    private <I, K, E> void apply(ImportCheck<I, K, E> check, int[] counts, boolean dryRun) {
        // Large files take longer than the default 60 s transaction timeout.
        QuarkusTransaction.requiringNew()
                .timeout(1800)
                .run(
                        () -> {
                            for (List<ValidRow<I, K>> chunk : ValidRow.chunks(check.checked())) {
                                applyChunk(check, chunk, counts);
                            }
                            if (dryRun) {
                                throw new Rehearsed(); // rolls the transaction back
                            }
                        });
    }

    private <I, K, E> void applyChunk(
            ImportCheck<I, K, E> check, List<ValidRow<I, K>> chunk, int[] counts) {
        Spec<I, K, E> spec = check.spec();
        Columns columns = check.sheet().columns();
        // Read again, inside the transaction: the checks ran outside it, and their entities are
        // gone.
        Map<ValidRow<I, K>, E> existing = ValidRow.records(spec, chunk);
        List<I> created = new ArrayList<>();
        for (ValidRow<I, K> row : chunk) {
            E record = existing.get(row);
            if (record == null) {
                created.add(row.input());
                continue;
            }
            try {
                long version = record instanceof VersionedEntity v ? v.version : -1;
                boolean changed = spec.update(record, spec.keep(row.input(), record, columns));
                if (changed) {
                    staleVersion(row.row(), version)
                            .ifPresent(
                                    error -> {
                                        throw new RowFailed(
                                                ImportCheck.rowError(
                                                        row.row(), error, spec, check.sheet()));
                                    });
                }
                counts[changed ? 1 : 2]++;
            } catch (ProblemException e) {
                List<Problem.FieldError> fields =
                        e.fieldErrors().isEmpty()
                                ? List.of(new Problem.FieldError("row", e.getMessage()))
                                : e.fieldErrors();
                throw new RowFailed(
                        ImportCheck.rowError(row.row(), fields.get(0), spec, check.sheet()));
            }
        }
        spec.createAll(created);
        counts[0] += created.size();
        entityManager.flush();
        entityManager.clear();
    }

    /**
     * A row of an exported file that would change a record changed after the export: the file's
     * {@code version} is not the record's. Imported, it would undo that change without a word, as a
     * PUT with a stale If-Match would; so it is refused, and the clerk exports again. A row that
     * changes nothing (a file imported twice) passes; a file without the column (typed by hand)
     * updates whatever the version.
     */
    private static Optional<Problem.FieldError> staleVersion(CsvRow row, long stored) {
        String cell = row.text("version");
        if (cell == null || stored < 0) {
            return Optional.empty();
        }
        long version;
        try {
            version = new BigDecimal(cell).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return Optional.of(
                    new Problem.FieldError("version", Messages.text("field.whole-number")));
        }
        return version == stored
                ? Optional.empty()
                : Optional.of(
                        new Problem.FieldError(
                                "version",
                                Messages.text("field.row-stale-version", version, stored)));
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
            ImportCheck<I, K, E> check, int[] counts, boolean dryRun) {
        try {
            apply(check, counts, dryRun);
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
}
