package org.innoreg.chassis.bulk;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A row of an import that mapped and passed Bean Validation. A row with an {@code id} names that
 * record (a changed name is a rename); one without names the record of its natural key. Such rows
 * meet the database in chunks: one lookup of their records and one batch of inserts each.
 */
record ValidRow<I, K>(int line, I input, K key, UUID id, CsvRow row) {

    /** Rows per chunk: one lookup of existing records and one batch of inserts each. */
    private static final int CHUNK = 500;

    /** The rows' records, by id and by natural key, in two queries. */
    static <I, K, E> Map<ValidRow<I, K>, E> records(
            CsvImporter.Spec<I, K, E> spec, List<ValidRow<I, K>> rows) {
        Map<UUID, E> byId =
                spec.byIds(
                        rows.stream()
                                .map(ValidRow::id)
                                .filter(Objects::nonNull)
                                .distinct()
                                .toList());
        Map<K, E> byKey =
                spec.existing(
                        rows.stream().filter(r -> r.id() == null).map(ValidRow::key).toList());
        Map<ValidRow<I, K>, E> records = new IdentityHashMap<>();
        for (ValidRow<I, K> row : rows) {
            E record = row.id() != null ? byId.get(row.id()) : byKey.get(row.key());
            if (record != null) {
                records.put(row, record);
            }
        }
        return records;
    }

    static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += CHUNK) {
            chunks.add(items.subList(from, Math.min(items.size(), from + CHUNK)));
        }
        return chunks;
    }
}
