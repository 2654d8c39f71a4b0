package org.innoreg.registry.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.validation.BureauCalendar;
import org.innoreg.chassis.web.Cursor;
import org.innoreg.registry.domain.PlatformStatus;
import org.innoreg.registry.mapping.PlatformFilter;
import org.innoreg.registry.mapping.PlatformStats;
import org.innoreg.registry.mapping.PlatformView;
import org.innoreg.registry.repository.PlatformSearch;
import org.innoreg.registry.repository.PlatformSearch.Text;
import org.innoreg.registry.repository.PlatformSort;
import org.innoreg.registry.repository.PlatformStatsQuery;

/**
 * The platform lists and counts the resources read: search pages with their facets (reactive, on
 * the event loop: docs/decisions/0004) and the counts as they stood on a date (JDBC).
 */
@ApplicationScoped
public class PlatformQueries {

    /**
     * A search page: up to one platform more than asked for (so the caller knows there is a next
     * page), each one's sort key for the cursor, and with facets the total and the counts by type,
     * level and region (otherwise null).
     */
    public record Found(
            List<PlatformView> platforms,
            List<String> keys,
            Long total,
            Map<String, Map<String, Long>> facets) {}

    private final PlatformSearch search;
    private final PlatformStatsQuery stats;
    private final KnownRegions knownRegions;

    PlatformQueries(PlatformSearch search, PlatformStatsQuery stats, KnownRegions knownRegions) {
        this.search = search;
        this.stats = stats;
        this.knownRegions = knownRegions;
    }

    /**
     * One page of the platforms the filter keeps, in the order {@code sort} names (a list's {@code
     * sort} parameter), after the position {@code cursor} (a previous page's) names.
     */
    public Uni<Found> search(
            PlatformFilter filter, String sort, String cursor, int limit, boolean facets) {
        PlatformSort order = PlatformSort.fromParam(sort, filter.q() != null);
        List<String> after = cursor == null ? null : Cursor.decode(cursor, 2);
        return knownRegions
                .requireReactive("region", filter.region())
                .flatMap(known -> page(filter, Text.ALL_TERMS, order, after, limit, facets))
                .flatMap(
                        found ->
                                !found.platforms().isEmpty() || filter.q() == null
                                        ? Uni.createFrom().item(found)
                                        // nothing holds every term: perhaps a name typed without
                                        // its spaces, so try all terms but one
                                        : search.textMatch(filter)
                                                .flatMap(
                                                        text ->
                                                                text == Text.ALL_TERMS
                                                                        ? Uni.createFrom()
                                                                                .item(found)
                                                                        : page(
                                                                                filter, text, order,
                                                                                after, limit,
                                                                                facets)));
    }

    private Uni<Found> page(
            PlatformFilter filter,
            Text text,
            PlatformSort order,
            List<String> after,
            int limit,
            boolean facets) {
        Uni<PlatformSearch.Slice> slice = search.search(filter, text, order, after, limit + 1);
        Uni<Long> total = facets ? search.count(filter, text) : Uni.createFrom().nullItem();
        Uni<Map<String, Map<String, Long>>> counts =
                !facets
                        ? Uni.createFrom().nullItem()
                        : Uni.combine()
                                .all()
                                .unis(
                                        search.facet(filter, text, "type"),
                                        search.facet(filter, text, "level"),
                                        search.facet(filter, text, "region_code"))
                                .with(
                                        (byType, byLevel, byRegion) -> {
                                            Map<String, Map<String, Long>> byFacet =
                                                    new LinkedHashMap<>();
                                            byFacet.put("type", byType);
                                            byFacet.put("level", byLevel);
                                            byFacet.put("region", byRegion);
                                            return byFacet;
                                        });
        return Uni.combine()
                .all()
                .unis(slice, total, counts)
                .with(
                        (page, counted, byFacet) ->
                                new Found(page.platforms(), page.keys(), counted, byFacet));
    }

    /**
     * Platform counts on {@code asOf} (today if null) by the groups {@code groupBy} lists
     * (comma-separated: type, level, region, status), of the given statuses (ACTIVE if none), in
     * {@code region} and its subtree (all if null).
     */
    public PlatformStats stats(
            String groupBy, LocalDate asOf, List<PlatformStatus> statuses, String region) {
        List<String> groups = new ArrayList<>();
        for (String group : groupBy.split(",")) {
            String column =
                    switch (group.strip()) {
                        case "type" -> "type";
                        case "level" -> "level";
                        case "region" -> "region_code";
                        case "status" -> "status";
                        case "" -> null;
                        default ->
                                throw ProblemException.invalid(
                                        "groupBy",
                                        Messages.text(
                                                "field.not-one-of",
                                                group.strip(),
                                                "type, level, region, status"));
                    };
            if (column != null && !groups.contains(column)) {
                groups.add(column);
            }
        }
        knownRegions.require("region", region);
        LocalDate date = asOf == null ? BureauCalendar.today() : asOf;
        Set<PlatformStatus> counted =
                statuses == null || statuses.isEmpty()
                        ? EnumSet.of(PlatformStatus.ACTIVE)
                        : EnumSet.copyOf(statuses);
        return PlatformStats.of(
                date,
                groups,
                counted,
                stats.countAsOf(date, groups, counted.stream().map(Enum::name).toList(), region));
    }
}
