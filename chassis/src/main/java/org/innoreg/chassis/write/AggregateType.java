package org.innoreg.chassis.write;

import java.util.List;
import java.util.function.Function;
import org.innoreg.chassis.events.EventAction;
import org.innoreg.chassis.events.EventContract;
import org.innoreg.chassis.persistence.VersionedEntity;

/**
 * What the {@link WritePipeline} needs to know of one kind of aggregate: its event contract (whose
 * aggregate name names its topic, its event types and its audit rows, and whose actions are the
 * only ones recorded), its id, the region it belongs to, and its state as the API and its events
 * show it. Each aggregate's {@code …Events} bean in the service's {@code publishing} package
 * extends it, declaring these once. Those beans are {@code @Singleton}s: a normal-scoped bean's
 * client proxy would need a constructor without arguments, which this class deliberately lacks.
 */
public abstract class AggregateType<E extends VersionedEntity> {

    private final EventContract contract;
    private final Function<E, String> id;
    private final Function<E, String> region;
    private final Function<E, ?> view;

    /**
     * @param contract e.g. the platform's: topic {@code <service>.platform.v1}, types {@code
     *     org.innoreg.<service>.platform.<action>} of the actions it declares
     * @param id the Kafka key and the CloudEvents subject
     * @param region the region whose bureaus may change it (checked before and after every change),
     *     or null for an aggregate of no region (an indicator definition), which only its role
     *     guards
     * @param view the aggregate as the API shows it; what a change's fields are compared on
     */
    protected AggregateType(
            EventContract contract,
            Function<E, String> id,
            Function<E, String> region,
            Function<E, ?> view) {
        this.contract = contract;
        this.id = id;
        this.region = region;
        this.view = view;
    }

    public final String name() {
        return contract.aggregate();
    }

    public final EventContract contract() {
        return contract;
    }

    public final String id(E aggregate) {
        return id.apply(aggregate);
    }

    public final String region(E aggregate) {
        return region.apply(aggregate);
    }

    public final Object view(E aggregate) {
        return view.apply(aggregate);
    }

    /**
     * The action a new aggregate's event names: {@code created} unless its contract says otherwise.
     */
    public EventAction createdAction() {
        return EventAction.CREATED;
    }

    /**
     * The action a replaced aggregate's event names: {@code updated} unless its contract says
     * otherwise.
     */
    public EventAction updatedAction() {
        return EventAction.UPDATED;
    }

    /** The action a deleted aggregate's event names: {@code deleted}. */
    public EventAction deletedAction() {
        return EventAction.DELETED;
    }

    /** The event data: the full state after the change. The view unless a consumer needs more. */
    public Object data(E aggregate) {
        return view(aggregate);
    }

    /**
     * The event data of many aggregates (an import's chunk); a type that reads more per aggregate
     * batches it.
     */
    public List<Object> data(List<E> aggregates) {
        return aggregates.stream().map(this::data).toList();
    }

    /** A region-less aggregate's region function. */
    protected static <E> String noRegion(E aggregate) {
        return null;
    }
}
