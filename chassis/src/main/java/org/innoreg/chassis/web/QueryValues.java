package org.innoreg.chassis.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What a list's query parameters mean, the same in every search: repeated values, free text. */
public final class QueryValues {

    private QueryValues() {}

    /** A repeatable enum parameter's values as a set (empty when absent: no filter). */
    public static <E extends Enum<E>> Set<E> anyOf(List<E> values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (values != null) {
            values.stream().filter(Objects::nonNull).forEach(set::add);
        }
        return set;
    }

    /** Free text to match, or null when it is absent or blank. */
    public static String text(String q) {
        return q == null || q.isBlank() ? null : q;
    }
}
