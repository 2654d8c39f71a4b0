package org.innoreg.chassis.columns;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.innoreg.chassis.bulk.CsvImporter;
import org.innoreg.chassis.bulk.CsvRow;

/**
 * How an aggregate is imported from files, its plain fields read from its {@link Columns}: a row's
 * cells become the input record by component name, and an existing record keeps the stored value of
 * each plain column the file lacks. A subclass reads and keeps only the fields written out (those
 * of a shape of their own), and says what the import checks beyond Bean Validation.
 *
 * @param <I> the API's input record a row maps to
 * @param <K> the natural key of a row's record
 * @param <E> the entity
 */
public abstract class ColumnsImport<I extends Record, K, E> implements CsvImporter.Spec<I, K, E> {

    /**
     * Where an import finds an aggregate's records and writes them: the service's and repository's
     * methods.
     *
     * @param id the record's id
     * @param withIds the records with these ids
     * @param key the natural key of an input
     * @param withKeys the records with these keys, by key
     * @param region the region an input's record belongs to
     * @param update replaces a record from an import, true when that changed it
     * @param createAll creates records together
     */
    public record Records<I, K, E>(
            Function<E, UUID> id,
            Function<Collection<UUID>, List<E>> withIds,
            Function<I, K> key,
            Function<Collection<K>, Map<K, E>> withKeys,
            Function<I, String> region,
            BiPredicate<E, I> update,
            Consumer<List<I>> createAll) {}

    private final Class<I> inputType;
    private final Columns<E> plain;
    private final Map<String, String> fileColumns;
    private final Records<I, K, E> records;

    /**
     * @param fileColumns every column of a file by every name it may have ({@link
     *     Columns#fileNames}, {@link CsvImporter#columns})
     */
    protected ColumnsImport(
            Class<I> inputType,
            Columns<E> plain,
            Map<String, String> fileColumns,
            Records<I, K, E> records) {
        this.inputType = inputType;
        this.plain = plain;
        this.fileColumns = fileColumns;
        this.records = records;
    }

    /** For a CDI client proxy, which hands every call to the bean: never used otherwise. */
    protected ColumnsImport() {
        this.inputType = null;
        this.plain = null;
        this.fileColumns = null;
        this.records = null;
    }

    @Override
    public Map<String, String> columns() {
        return fileColumns;
    }

    @Override
    public I map(CsvRow row) {
        Map<String, Object> values = new HashMap<>();
        plain.readCells(row, values);
        readOthers(row, values);
        return RecordValues.create(inputType, values);
    }

    /**
     * Puts the values of the fields written out into {@code values}, by component, recording
     * unreadable cells on the row; may also adjust what the plain columns read.
     */
    protected abstract void readOthers(CsvRow row, Map<String, Object> values);

    /** What the file does not carry stays as stored: each absent column keeps its field. */
    @Override
    public I keep(I input, E existing, CsvImporter.Columns columns) {
        Map<String, Object> values = RecordValues.of(input);
        plain.keepAbsent(existing, columns.names(), values);
        keepOthers(input, existing, columns, values);
        return RecordValues.create(inputType, values);
    }

    /**
     * {@link #keep} for the fields written out: the stored value of each whose column is absent.
     */
    protected abstract void keepOthers(
            I input, E stored, CsvImporter.Columns columns, Map<String, Object> values);

    @Override
    public Map<UUID, E> byIds(Collection<UUID> ids) {
        return ids.isEmpty()
                ? Map.of()
                : records.withIds().apply(ids).stream()
                        .collect(Collectors.toMap(records.id(), r -> r));
    }

    @Override
    public UUID idOf(E record) {
        return records.id().apply(record);
    }

    @Override
    public K key(I input) {
        return records.key().apply(input);
    }

    @Override
    public Map<K, E> existing(Collection<K> keys) {
        return records.withKeys().apply(keys);
    }

    @Override
    public String region(I input) {
        return records.region().apply(input);
    }

    @Override
    public boolean update(E existing, I input) {
        return records.update().test(existing, input);
    }

    @Override
    public void createAll(List<I> inputs) {
        records.createAll().accept(inputs);
    }
}
