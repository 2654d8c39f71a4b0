package org.innoreg.projects.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.projects.domain.InvestmentTier;

/**
 * Projects of a year per group, with their planned and completed (latest reported) investment, and the cumulative counts bureaus
 * report ("214 projects of RMB 100 million or more, 36 of 500 million or more, 13 of 1 billion or more").
 */
@Schema(name = "ProjectStats")
public record ProjectStats(
        @Schema(example = "2018") int year,
        @Schema(description = "The date that places a project in the year", example = "landedOn") String by,
        @Schema(example = "[\"tier\"]") List<String> groupBy,
        @Schema(example = "230") long total,
        @Schema(example = "{\"FROM_100M\": 214, \"FROM_500M\": 36, \"FROM_1B\": 13}",
                description = "Projects at or above each tier's lower bound (only when grouped by tier)")
        Map<InvestmentTier, Long> atLeast,
        List<Map<String, Object>> groups) {

    public static ProjectStats of(int year, String by, List<String> columns, List<Object[]> rows) {
        List<String> names = columns.stream().map(c -> c.equals("region_code") ? "regionCode" : c).toList();
        List<Map<String, Object>> groups = new ArrayList<>();
        Map<InvestmentTier, Long> perTier = new LinkedHashMap<>();
        long total = 0;
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            Map<String, Object> group = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                group.put(names.get(i), cells[i]);
            }
            long count = ((Number) cells[names.size()]).longValue();
            group.put("count", count);
            group.put("plannedInvestment", cells[names.size() + 1] == null ? BigDecimal.ZERO : cells[names.size() + 1]);
            group.put("completedInvestment", cells[names.size() + 2] == null ? BigDecimal.ZERO : cells[names.size() + 2]);
            total += count;
            groups.add(group);
            if (names.contains("tier")) {
                perTier.merge(InvestmentTier.valueOf((String) group.get("tier")), count, Long::sum);
            }
        }
        Map<InvestmentTier, Long> atLeast = null;
        if (names.contains("tier")) {
            atLeast = new LinkedHashMap<>();
            long running = 0;
            InvestmentTier[] tiers = InvestmentTier.values();
            for (int i = tiers.length - 1; i >= 1; i--) {
                running += perTier.getOrDefault(tiers[i], 0L);
                atLeast.put(tiers[i], running);
            }
        }
        return new ProjectStats(year, by, names, total, atLeast, groups);
    }
}
