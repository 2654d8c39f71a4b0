package org.innoreg.registry.mapping;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;
import org.innoreg.registry.domain.PlatformLevel;
import org.innoreg.registry.domain.PlatformStatus;
import org.innoreg.registry.domain.PlatformType;

/** Platform counts on a date, per combination of the grouping columns. */
@Schema(name = "PlatformStats")
public record PlatformStats(
        @Schema(example = "2020-12-31") LocalDate asOf,
        @Schema(example = "[\"type\", \"level\"]") List<String> groupBy,
        Set<PlatformStatus> statuses,
        @Schema(example = "64") long total,
        @Schema(
                        description =
                                "One per combination: the grouping values (type, level and status with their Chinese "
                                        + "`…Label` beside them, as in the views) and the count",
                        example =
                                "[{\"type\": \"TECH_BUSINESS_INCUBATOR\", "
                                        + "\"typeLabel\": \"科技企业孵化器\", \"level\": \"NATIONAL\", \"levelLabel\": \"国家级\", \"count\": 3}]")
                List<Map<String, Object>> groups) {

    private static final Map<String, Class<?>> LABELLED =
            Map.of(
                    "type",
                    PlatformType.class,
                    "level",
                    PlatformLevel.class,
                    "status",
                    PlatformStatus.class);

    /** Builds the response from rows of the grouping values followed by the count. */
    public static PlatformStats of(
            LocalDate asOf,
            List<String> columns,
            Set<PlatformStatus> statuses,
            List<Object[]> rows) {
        List<String> names =
                columns.stream().map(c -> c.equals("region_code") ? "regionCode" : c).toList();
        List<Map<String, Object>> groups = new ArrayList<>();
        long total = 0;
        for (Object row : rows) {
            Object[] cells = row instanceof Object[] array ? array : new Object[] {row};
            Map<String, Object> group = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                Labelled.putWithLabel(group, names.get(i), cells[i], LABELLED);
            }
            long count = ((Number) cells[names.size()]).longValue();
            group.put("count", count);
            total += count;
            groups.add(group);
        }
        return new PlatformStats(asOf, names, statuses, total, groups);
    }
}
