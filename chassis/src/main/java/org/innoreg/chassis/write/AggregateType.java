package org.innoreg.chassis.write;

import java.util.List;

import org.innoreg.chassis.persistence.VersionedEntity;

/**
 * What the {@link WritePipeline} needs to know of one kind of aggregate: its name (which names its topic,
 * its event types and its audit rows), its id, the region it belongs to, and its state as the API and
 * its events show it. Each aggregate's {@code …Events} class implements it: it is the aggregate's event
 * contract.
 */
public interface AggregateType<E extends VersionedEntity> {

    /** E.g. {@code platform}: topic {@code <service>.platform.v1}, types {@code org.innoreg.<service>.platform.<action>}. */
    String name();

    /** The Kafka key and the CloudEvents subject. */
    String id(E aggregate);

    /**
     * The region whose bureaus may change it (checked before and after every change), or null for an
     * aggregate of no region (an indicator definition), which only its role guards.
     */
    String region(E aggregate);

    /** The aggregate as the API shows it; what a change's fields are compared on. */
    Object view(E aggregate);

    /** The action a new aggregate's event names: {@code created} unless its contract says otherwise. */
    default String createdAction() {
        return WritePipeline.CREATED;
    }

    /** The action a replaced aggregate's event names: {@code updated} unless its contract says otherwise. */
    default String updatedAction() {
        return WritePipeline.UPDATED;
    }

    /** The event data: the full state after the change. The view unless a consumer needs more. */
    default Object data(E aggregate) {
        return view(aggregate);
    }

    /** The event data of many aggregates (an import's chunk); a type that reads more per aggregate batches it. */
    default List<Object> data(List<E> aggregates) {
        return aggregates.stream().map(this::data).toList();
    }
}
