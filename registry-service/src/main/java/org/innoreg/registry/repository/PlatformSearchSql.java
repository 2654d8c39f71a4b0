package org.innoreg.registry.repository;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A platform search's SQL as {@link PlatformSearch} builds it: the conditions and their named
 * parameters, the keyset position and the order, turned into PostgreSQL's numbered parameters.
 */
final class PlatformSearchSql {
    private static final Pattern NAMED = Pattern.compile(":([A-Za-z]\\w*)");
    private final List<String> conditions = new ArrayList<>();
    final Map<String, Object> params = new LinkedHashMap<>();
    String keyset; // the page's position, null on the first page
    String orderBy = "";

    PlatformSearchSql and(String condition) {
        conditions.add(condition);
        return this;
    }

    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /**
     * The rows a page is taken from. Ranked by relevance, they are the first {@link
     * PlatformSearch#RELEVANCE_CANDIDATES} matches, as a search engine ranks only its best
     * candidates: a common term matches a fifth of all platforms, and scoring them all would cost a
     * second (docs/decisions/0006). Otherwise all matches, with the index of the sort key in use.
     */
    String from() {
        if (params.containsKey("candidates")) {
            return "(SELECT p.* FROM platform p"
                    + where()
                    + " LIMIT :candidates) p"
                    + (keyset == null ? "" : " WHERE " + keyset);
        }
        List<String> all = new ArrayList<>(conditions);
        if (keyset != null) {
            all.add(keyset);
        }
        return "platform p" + (all.isEmpty() ? "" : " WHERE " + String.join(" AND ", all));
    }

    Query bind(Query query) {
        params.forEach(query::setParameter);
        return query;
    }

    /**
     * The text with PostgreSQL's numbered parameters ($1, $2...); their values are added to {@code
     * values} in order.
     */
    String positional(String text, List<Object> values) {
        Matcher named = NAMED.matcher(text);
        StringBuilder numbered = new StringBuilder();
        while (named.find()) {
            Object value = params.get(named.group(1));
            List<String> markers = new ArrayList<>();
            for (Object one :
                    value instanceof Collection<?> many
                            ? many
                            : List.of(value)) { // IN (:types) → IN ($1, $2)
                values.add(one);
                markers.add("\\$" + values.size());
            }
            named.appendReplacement(numbered, String.join(", ", markers));
        }
        return named.appendTail(numbered).toString();
    }
}
