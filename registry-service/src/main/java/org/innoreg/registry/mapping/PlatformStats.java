package org.innoreg.registry.mapping;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.registry.domain.PlatformStatus;

/** Platform counts on a date, per combination of the grouping columns. */
@Schema(name = "PlatformStats")
public record PlatformStats(
        @Schema(example = "2020-12-31") LocalDate asOf,
        @Schema(example = "[\"type\", \"level\"]") List<String> groupBy,
        Set<PlatformStatus> statuses,
        @Schema(example = "64") long total,
        @Schema(example = "[{\"type\": \"TECH_BUSINESS_INCUBATOR\", \"level\": \"NATIONAL\", \"count\": 3}]")
        List<Map<String, Object>> groups) {

    /** Builds the response from rows of the grouping values followed by the count. */
    public static PlatformStats of(LocalDate asOf, List<String> columns, Set<PlatformStatus> statuses, List<Object[]> rows) {
        List<String> names = columns.stream().map(c -> c.equals("region_code") ? "regionCode" : c).toList();
        List<Map<String, Object>> groups = new ArrayList<>();
        long total = 0;
        for (Object row : rows) {
            Object[] cells = row instanceof Object[] array ? array : new Object[] { row };
            Map<String, Object> group = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                group.put(names.get(i), cells[i]);
            }
            long count = ((Number) cells[names.size()]).longValue();
            group.put("count", count);
            total += count;
            groups.add(group);
        }
        return new PlatformStats(asOf, names, statuses, total, groups);
    }
}
