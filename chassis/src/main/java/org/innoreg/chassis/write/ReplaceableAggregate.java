package org.innoreg.chassis.write;

import jakarta.transaction.Transactional;
import java.util.UUID;
import org.innoreg.chassis.persistence.VersionedEntity;

/**
 * A service of an aggregate that is replaced whole, by a request ({@code PUT} with {@code
 * If-Match}) or by an import's row: the two ways in, written once. The service says how one record
 * is found and how an input replaces it (its domain rules, through the {@link WritePipeline}).
 *
 * @param <E> the aggregate
 * @param <I> the API's input that replaces it
 */
public abstract class ReplaceableAggregate<E extends VersionedEntity, I> {

    /** The aggregate, or a 404 problem. */
    public abstract E get(UUID id);

    /**
     * Replaces the aggregate's fields with the input's, through the write pipeline.
     *
     * @return whether that changed it (an identical input changes nothing and emits nothing)
     */
    protected abstract boolean replace(E aggregate, ExpectedVersion expected, I input);

    @Transactional
    public E update(UUID id, ExpectedVersion expected, I input) {
        E aggregate = get(id);
        replace(aggregate, expected, input);
        return aggregate;
    }

    /**
     * An import's row replaces an existing record: the file is authoritative, so no {@code
     * If-Match}; the import found the record by its id or natural key.
     *
     * @return whether that changed it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean replaceFromImport(E aggregate, I input) {
        return replace(aggregate, ExpectedVersion.unconditional(), input);
    }
}
