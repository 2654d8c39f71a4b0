package org.innoreg.chassis.write;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toList;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.innoreg.chassis.events.EventContract;
import org.innoreg.chassis.persistence.VersionedEntity;

/**
 * An aggregate whose event data carries its dated steps beside the API view's fields, under the
 * name its contract's {@link EventContract.DatedSteps} gives (a platform's {@code history}, a
 * project's {@code transitions}), so that a reader can tell its state on any date without calling
 * back. The steps of an import's whole chunk are read in one query.
 *
 * @param <E> the aggregate, whose id is a UUID
 * @param <S> one stored step
 */
public abstract class AggregateTypeWithSteps<E extends VersionedEntity, S>
        extends AggregateType<E> {

    private final Function<List<UUID>, List<S>> stepsOf;
    private final Function<S, UUID> owner;
    private final Function<S, ?> stepView;

    /**
     * @param stepsOf the steps of these aggregates, each aggregate's oldest first
     * @param owner the aggregate a step belongs to
     * @param stepView a step as the events show it
     */
    protected AggregateTypeWithSteps(
            EventContract contract,
            Function<E, String> id,
            Function<E, String> region,
            Function<E, ?> view,
            Function<List<UUID>, List<S>> stepsOf,
            Function<S, UUID> owner,
            Function<S, ?> stepView) {
        super(contract, id, region, view);
        if (contract.steps() == null) {
            throw new IllegalArgumentException(contract.aggregate() + ": a contract without steps");
        }
        this.stepsOf = stepsOf;
        this.owner = owner;
        this.stepView = stepView;
    }

    @Override
    public Object data(E aggregate) {
        return data(List.of(aggregate)).get(0);
    }

    @Override
    public List<Object> data(List<E> aggregates) {
        Map<String, List<Object>> steps =
                stepsOf
                        .apply(aggregates.stream().map(a -> UUID.fromString(id(a))).toList())
                        .stream()
                        .collect(
                                groupingBy(
                                        step -> owner.apply(step).toString(),
                                        mapping(stepView, toList())));
        String field = contract().steps().field();
        return aggregates.stream()
                .<Object>map(a -> new Data(view(a), field, steps.getOrDefault(id(a), List.of())))
                .toList();
    }

    /** The view's fields, then the steps under the contract's name for them. */
    record Data(
            @JsonUnwrapped Object view, @JsonIgnore String field, @JsonIgnore List<Object> steps) {

        @JsonAnyGetter
        Map<String, Object> named() {
            return Map.of(field, steps);
        }
    }
}
