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

    /** The value of the request's {@code sort} parameter that names this order. */
    String param();

    /** The SQL expression sorted by. */
    String key();

    /**
     * The SQL type of {@link #key()}: a cursor holds the key as text, and it must compare as the
     * key does (dates as dates, numbers as numbers).
     */
    String sqlType();

    boolean descending();

    /** An order that needs no enum (a list with a single order). */
    static SortKey of(String param, String key, String sqlType, boolean descending) {
        return new Simple(param, key, sqlType, descending);
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

    record Simple(String param, String key, String sqlType, boolean descending)
            implements SortKey {}
}
