package org.innoreg.chassis.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list: its items, the link to the next page when there is one, and on request the
 * total and facet counts. Every list endpoint of the suite answers with this shape.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Page")
public record Page<T>(
        @Schema(required = true) List<T> items,
        @Schema(description = "Number of matching items, where counted") Long total,
        @Schema(
                        description = "Counts of matching items by facet and value, on request",
                        example =
                                "{\"type\": {\"KEY_LABORATORY\": 24}, \"level\": {\"NATIONAL\": 1, \"PROVINCIAL\": 23}}")
                Map<String, Map<String, Long>> facets,
        @Schema(
                        description = "Path and query of the next page; absent on the last page",
                        example = "/api/v1/platforms?type=KEY_LABORATORY&cursor=MjAxOC0wMS0wMR9h")
                String next) {

    /** A complete list: one page, counted. */
    public static <T> Page<T> of(List<T> items) {
        return new Page<>(items, (long) items.size(), null, null);
    }

    /** A complete list of rows, each shown by its view: one page, counted. */
    public static <E, V> Page<V> of(List<E> rows, Function<? super E, ? extends V> view) {
        return of(rows.stream().<V>map(view).toList());
    }

    /**
     * A page cut from {@code limit + 1} rows read in keyset order: the extra row only tells that
     * there is a next page, whose cursor is the last kept row's sort key and id.
     */
    public static <E, V> Page<V> ofKeyset(
            List<E> rows,
            List<String> sortKeys,
            int limit,
            Function<E, String> id,
            Function<E, V> view,
            UriInfo uri,
            Long total,
            Map<String, Map<String, Long>> facets) {
        boolean more = rows.size() > limit;
        List<E> page = more ? rows.subList(0, limit) : rows;
        String next =
                more
                        ? nextLink(
                                uri,
                                Cursor.encode(
                                        List.of(
                                                sortKeys.get(limit - 1),
                                                id.apply(page.get(limit - 1)))))
                        : null;
        return new Page<>(page.stream().map(view).toList(), total, facets, next);
    }

    /** The request's own path and query with the cursor replaced: the next page's link. */
    public static String nextLink(UriInfo uri, String cursor) {
        URI next = uri.getRequestUriBuilder().replaceQueryParam("cursor", cursor).build();
        return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
    }
}
