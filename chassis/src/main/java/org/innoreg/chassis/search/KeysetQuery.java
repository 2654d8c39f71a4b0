package org.innoreg.chassis.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A filtered list's SQL, built one way for every service: its conditions with their parameters, one
 * page in a {@link SortKey}'s order after a keyset position, the count of all matches and counts by
 * one column (facets). Parameters are written {@code :name} whatever runs the statement: {@link
 * JdbcSearch} hands them to Hibernate, {@link ReactiveSearch} numbers them for the reactive client.
 * A {@code ::} cast is not a parameter (the suite writes {@code CAST(x AS type)} all the same).
 * Conditions are code, never request text: values are always bound.
 *
 * <p>Every row id is a uuid; the id breaks ties of the sort key, so a cursor ({@code [key, id]} of
 * a page's last row) names one position exactly and {@code (key, id) > (cursor)} is a row
 * comparison an index on {@code (key, id)} serves.
 */
public final class KeysetQuery {

    private static final Pattern NAMED = Pattern.compile("::|:([A-Za-z]\\w*)");

    private final String table;
    private final String id;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    private SortKey sort;
    private String keyset;

    /**
     * @param table the table and its alias, as the FROM clause names it ({@code "project p"})
     * @param id the row id's column ({@code "p.id"})
     */
    public KeysetQuery(String table, String id) {
        this.table = table;
        this.id = id;
    }

    /** Keeps the rows {@code condition} holds for; it names no parameter. */
    public KeysetQuery and(String condition) {
        conditions.add(condition);
        return this;
    }

    /** Keeps the rows {@code condition} holds for; it names the parameter {@code name}. */
    public KeysetQuery and(String condition, String name, Object value) {
        return and(condition).bind(name, value);
    }

    /** Binds a parameter a condition, the sort key or the caller's own SQL names. */
    public KeysetQuery bind(String name, Object value) {
        params.put(name, value);
        return this;
    }

    /**
     * The page's order, and its position: {@code after} is [key, id] of the previous page's last
     * row (both as text), or null for the first page. A cursor's key is cast from text to the key's
     * type in SQL: a value that is no such thing is refused by the database, as a bad request.
     */
    public KeysetQuery page(SortKey sort, List<String> after, int limit) {
        this.sort = sort;
        if (after == null) {
            keyset = null;
        } else {
            keyset =
                    "("
                            + sort.key()
                            + ", "
                            + id
                            + ") "
                            + (sort.descending() ? "<" : ">")
                            // text first: the reactive client would take the parameter's type
                            // from the outer cast and refuse a Java string for a date
                            + " (CAST(CAST(:afterKey AS text) AS "
                            + sort.sqlType()
                            + "), CAST(CAST(:afterId AS text) AS uuid))";
            bind("afterKey", after.get(0));
            bind("afterId", after.get(1));
        }
        return bind("limit", (long) limit);
    }

    /** The conditions, in the order they were added. */
    public List<String> conditions() {
        return Collections.unmodifiableList(conditions);
    }

    /** The WHERE clause of the conditions (with a leading space), or nothing. */
    public String where() {
        return clause(conditions);
    }

    /** The page's position ({@code (key, id) > (...)}), or null on the first page. */
    public String keyset() {
        return keyset;
    }

    /** The table with the conditions and the page's position. */
    public String source() {
        List<String> all = new ArrayList<>(conditions);
        if (keyset != null) {
            all.add(keyset);
        }
        return table + clause(all);
    }

    /** The page's ORDER BY and LIMIT (with a leading space). */
    public String orderBy() {
        String direction = sortKey().descending() ? "DESC" : "ASC";
        return " ORDER BY "
                + sort.key()
                + " "
                + direction
                + ", "
                + id
                + " "
                + direction
                + " LIMIT :limit";
    }

    /**
     * The page: {@code columns} and the sort key as text ({@code sort_key}, the next cursor's key)
     * of the rows after the position, in order.
     */
    public String page(String columns) {
        return page(columns, source());
    }

    /** The page, of rows from {@code source}: {@link #source()} or a caller's own way to them. */
    public String page(String columns, String source) {
        return "SELECT "
                + columns
                + ", CAST("
                + sortKey().key()
                + " AS text) AS sort_key FROM "
                + source
                + orderBy();
    }

    /** The page without its sort key, for a caller that maps whole entities. */
    public String rows(String columns) {
        return "SELECT " + columns + " FROM " + source() + orderBy();
    }

    /** How many rows the conditions keep, whatever the page. */
    public String count() {
        return "SELECT count(*) FROM " + table + where();
    }

    /** Counts of the kept rows by the value of {@code column}: largest first, then by value. */
    public String facet(String column) {
        return "SELECT "
                + column
                + ", count(*) FROM "
                + table
                + where()
                + " GROUP BY 1 ORDER BY 2 DESC, 1";
    }

    /** The parameters bound so far, by name. */
    public Map<String, Object> params() {
        return Collections.unmodifiableMap(params);
    }

    /** The parameters {@code sql} names, in the order they first appear. */
    public static Set<String> names(String sql) {
        Set<String> names = new LinkedHashSet<>();
        Matcher named = NAMED.matcher(sql);
        while (named.find()) {
            if (named.group(1) != null) {
                names.add(named.group(1));
            }
        }
        return names;
    }

    /** Each parameter of {@code sql} ({@code :name}; a {@code ::} is left as it is). */
    static Matcher parameters(String sql) {
        return NAMED.matcher(sql);
    }

    private SortKey sortKey() {
        if (sort == null) {
            throw new IllegalStateException("no order: call page(sort, after, limit) first");
        }
        return sort;
    }

    private static String clause(List<String> conditions) {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
}
