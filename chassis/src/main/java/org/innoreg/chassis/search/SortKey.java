package org.innoreg.chassis.search;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;

/**
 * One order a list can take: a key, then the row's id, so that a page boundary is exact and the
 * next page starts strictly after the previous one's last row ({@link KeysetQuery}). A service
 * declares its orders as an enum implementing this.
 */
public interface SortKey {

    /** The order's parts. */
    Order order();

    /** The value of the request's {@code sort} parameter that names this order. */
    default String param() {
        return order().param();
    }

    /** The SQL expression sorted by. */
    default String key() {
        return order().key();
    }

    /**
     * The SQL type of {@link #key()}: a cursor holds the key as text, and it must compare as the
     * key does (dates as dates, numbers as numbers).
     */
    default String sqlType() {
        return order().sqlType();
    }

    default boolean descending() {
        return order().descending();
    }

    /** An order that needs no enum (a list with a single order). */
    static SortKey of(String param, String key, String sqlType, boolean descending) {
        return new Order(param, key, sqlType, descending);
    }

    /**
     * The one of {@code orders} the request's {@code value} names (surrounding spaces ignored).
     *
     * @throws ProblemException 400 naming {@code sort} and listing the orders there are
     */
    static <S extends SortKey> S named(S[] orders, String value) {
        for (S order : orders) {
            if (order.param().equals(value.strip())) {
                return order;
            }
        }
        throw ProblemException.invalid(
                "sort",
                Messages.text(
                        "field.one-of",
                        Arrays.stream(orders)
                                .map(SortKey::param)
                                .collect(Collectors.joining(", "))));
    }

    /** An order's parts: what an enum of orders holds for each constant. */
    record Order(String param, String key, String sqlType, boolean descending) implements SortKey {

        @Override
        public Order order() {
            return this;
        }
    }
}
