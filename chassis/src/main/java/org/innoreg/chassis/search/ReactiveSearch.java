package org.innoreg.chassis.search;

import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Runs a {@link KeysetQuery}'s statements on the reactive PostgreSQL client, which knows only
 * numbered parameters ($1, $2...): each {@code :name} becomes the next numbers, a collection one
 * number per element ({@code IN (:types)} → {@code IN ($1, $2)}), so a name used twice is bound
 * twice.
 */
public final class ReactiveSearch {

    /** A statement as the reactive client takes it: its text, and its values in number order. */
    public record Statement(String sql, List<Object> values) {}

    /** The client's prepared query (a Vert.x {@code Pool}'s, or a wrapper that maps its rows). */
    @FunctionalInterface
    public interface Client<T> {
        Uni<T> run(String sql, List<Object> values);
    }

    private ReactiveSearch() {}

    /** Runs {@code sql} (one of the query's statements) with the query's parameters. */
    public static <T> Uni<T> run(KeysetQuery query, String sql, Client<T> client) {
        Statement statement = positional(sql, query.params());
        return client.run(statement.sql(), statement.values());
    }

    /**
     * {@code text} with numbered parameters, and their values in order.
     *
     * @throws IllegalArgumentException if the text names a parameter that is not bound: a null
     *     would otherwise match nothing, silently
     */
    public static Statement positional(String text, Map<String, ?> params) {
        Matcher named = KeysetQuery.parameters(text);
        List<Object> values = new ArrayList<>();
        StringBuilder numbered = new StringBuilder();
        while (named.find()) {
            String name = named.group(1);
            if (name == null) {
                named.appendReplacement(numbered, "::");
                continue;
            }
            if (!params.containsKey(name)) {
                throw new IllegalArgumentException("no value for :" + name);
            }
            Object value = params.get(name);
            List<String> markers = new ArrayList<>();
            for (Object one : value instanceof Collection<?> many ? many : List.of(value)) {
                values.add(one);
                markers.add("\\$" + values.size());
            }
            named.appendReplacement(numbered, String.join(", ", markers));
        }
        return new Statement(named.appendTail(numbered).toString(), values);
    }
}
