package org.innoreg.chassis.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.innoreg.chassis.events.EventAction;
import org.innoreg.chassis.events.Outbox;
import org.innoreg.chassis.persistence.VersionedEntity;
import org.innoreg.chassis.security.Caller;

/**
 * The one way any aggregate of the suite is changed. It owns, for every aggregate of every service:
 * the caller's region scope before and after a change (moving a record out of the caller's regions
 * is refused), the expected version ({@code If-Match}: 428 missing, 412 stale), "an identical write
 * changes nothing and emits nothing", and one outbox row and one audit row (with the fields that
 * changed) per committed change, whose sequence is the aggregate's version. A delete is a change
 * too: it gets the next version.
 *
 * <p>Services keep only their domain rules (validation, references, the stage machine, dated
 * history), which they run inside the mutation they hand in.
 */
@ApplicationScoped
public class WritePipeline {

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Caller caller;
    private final ObjectMapper json;

    WritePipeline(EntityManager entityManager, Outbox outbox, Caller caller, ObjectMapper json) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.caller = caller;
        this.json = json;
    }

    /**
     * Stores a new aggregate; see {@link #create(AggregateType, VersionedEntity, Consumer,
     * Consumer)}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends VersionedEntity> E create(
            AggregateType<E> type, E aggregate, Consumer<E> rules) {
        return create(type, aggregate, rules, stored -> {});
    }

    /**
     * Stores a new aggregate (version 1) and records its {@code created} event.
     *
     * @param rules the service's checks of the new record (duplicates, references), run once the
     *     caller is known to write in its region, so that nobody learns about records outside
     *     theirs
     * @param ownedRecords stores what the aggregate owns in tables of its own (its first history
     *     step), after it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends VersionedEntity> E create(
            AggregateType<E> type, E aggregate, Consumer<E> rules, Consumer<E> ownedRecords) {
        checkRegion(type, aggregate);
        rules.accept(aggregate);
        entityManager.persist(aggregate);
        ownedRecords.accept(aggregate);
        entityManager.flush();
        outbox.record(
                type.name(),
                declared(type, type.createdAction()),
                type.id(aggregate),
                aggregate.version,
                type.data(aggregate));
        return aggregate;
    }

    /**
     * Stores many new aggregates (an import's chunk, already validated and known not to exist) with
     * {@code insert}, which writes them however is fastest, and records their events in one
     * statement.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends VersionedEntity> void createAll(
            AggregateType<E> type, List<E> aggregates, Consumer<List<E>> insert) {
        if (aggregates.isEmpty()) {
            return;
        }
        aggregates.forEach(aggregate -> checkRegion(type, aggregate));
        insert.accept(aggregates);
        entityManager.flush();
        recordCreated(type, aggregates);
    }

    /**
     * Records the {@code created} events of aggregates that are stored already, in one statement:
     * those of {@link #createAll}, and seed data a migration wrote without events.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends VersionedEntity> void recordCreated(
            AggregateType<E> type, List<E> aggregates) {
        if (aggregates.isEmpty()) {
            return;
        }
        List<Object> data = type.data(aggregates);
        List<Outbox.Change> changes = new ArrayList<>(aggregates.size());
        for (int i = 0; i < aggregates.size(); i++) {
            E aggregate = aggregates.get(i);
            changes.add(
                    new Outbox.Change(
                            type.id(aggregate), aggregate.version, data.get(i), List.of()));
        }
        outbox.recordAll(type.name(), declared(type, type.createdAction()), changes);
    }

    /** Replaces an aggregate's state; see {@link #change}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends VersionedEntity> boolean update(
            AggregateType<E> type, E aggregate, ExpectedVersion expected, Consumer<E> mutation) {
        return change(type, aggregate, expected, type.updatedAction(), mutation);
    }

    /**
     * Changes an aggregate: checks that the caller may change it and the version it was read at,
     * applies {@code mutation} (the service's domain rules and its changes, also of records the
     * aggregate owns: those call {@link VersionedEntity#touch()}), checks that the caller may also
     * write where it is now, and records the change as {@code action} if it changed anything.
     *
     * @return whether it changed: an identical write changes nothing and emits nothing
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends VersionedEntity> boolean change(
            AggregateType<E> type,
            E aggregate,
            ExpectedVersion expected,
            EventAction action,
            Consumer<E> mutation) {
        checkRegion(type, aggregate);
        expected.check(aggregate.version);
        JsonNode before = json.valueToTree(type.view(aggregate));
        long version = aggregate.version;
        mutation.accept(aggregate);
        checkRegion(type, aggregate); // moving it out of the caller's regions is a change there too
        entityManager.flush(); // the version moves here if anything changed
        if (aggregate.version == version) {
            return false;
        }
        List<FieldChange> fields =
                FieldChange.between(before, json.valueToTree(type.view(aggregate)));
        outbox.recordAll(
                type.name(),
                declared(type, action),
                List.of(
                        new Outbox.Change(
                                type.id(aggregate),
                                aggregate.version,
                                type.data(aggregate),
                                fields)));
        return true;
    }

    /**
     * Deletes an aggregate: the change gets the next version as its sequence, and its event carries
     * the last state, so every reader can tell it from a late copy of an earlier state.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends VersionedEntity> void delete(
            AggregateType<E> type, E aggregate, ExpectedVersion expected) {
        delete(type, aggregate, expected, unchecked -> {});
    }

    /**
     * Deletes an aggregate if {@code rules} allow it (nothing refers to it); see {@link
     * #delete(AggregateType, VersionedEntity, ExpectedVersion)}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <E extends VersionedEntity> void delete(
            AggregateType<E> type, E aggregate, ExpectedVersion expected, Consumer<E> rules) {
        checkRegion(type, aggregate);
        expected.check(aggregate.version);
        rules.accept(aggregate);
        Object lastState = type.data(aggregate);
        String id = type.id(aggregate);
        long version = aggregate.version + 1;
        entityManager.remove(aggregate);
        entityManager.flush();
        outbox.record(type.name(), declared(type, type.deletedAction()), id, version, lastState);
    }

    /**
     * The action's name, if the aggregate's contract declares it: an event its contract does not
     * list would reach readers whom the published documents never told of it.
     */
    private static String declared(AggregateType<?> type, EventAction action) {
        if (!type.contract().declares(action)) {
            throw new IllegalStateException(
                    "the "
                            + type.name()
                            + " contract declares no action "
                            + action
                            + " (declared: "
                            + type.contract().actions()
                            + ")");
        }
        return action.name();
    }

    private <E extends VersionedEntity> void checkRegion(AggregateType<E> type, E aggregate) {
        String region = type.region(aggregate);
        if (region != null) {
            caller.checkRegion(region);
        }
    }
}
