package org.innoreg.projects.mapping;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;
import org.innoreg.projects.domain.InvestmentTier;
import org.innoreg.projects.domain.ProjectStage;

/**
 * Projects of a year per group, with their planned and completed (latest reported) investment, and
 * the cumulative counts bureaus report ("214 projects of RMB 100 million or more, 36 of 500 million
 * or more, 13 of 1 billion or more"), and how far those projects have come along the pipeline (the
 * funnel the dashboard draws).
 */
@Schema(name = "ProjectStats")
public record ProjectStats(
        @Schema(example = "2018") int year,
        @Schema(description = "The date that places a project in the year", example = "landedOn")
                String by,
        @Schema(example = "[\"tier\"]") List<String> groupBy,
        @Schema(example = "230") long total,
        @Schema(
                        example = "{\"FROM_100M\": 214, \"FROM_500M\": 36, \"FROM_1B\": 13}",
                        description =
                                "Projects at or above each tier's lower bound (only when grouped by tier)")
                Map<InvestmentTier, Long> atLeast,
        @Schema(
                        description =
                                "One per combination: the grouping values (tier and stage with their Chinese `…Label` beside "
                                        + "them, as in the views), the count and the investment",
                        example =
                                "[{\"tier\": \"FROM_1B\", \"tierLabel\": "
                                        + "\"10亿元以上\", \"count\": 13, \"plannedInvestment\": 25000000000, \"completedInvestment\": 8000000000}]")
                List<Map<String, Object>> groups,
        @Schema(
                        description =
                                "The year's projects that had reached each stage of the main line by `asOf`, from the stage "
                                        + "that places them in the year (SIGNED for by=signedOn, LANDED for by=landedOn) to IN_PRODUCTION: at or "
                                        + "above each tier's lower bound, as in `atLeast`. A project reached a stage on the date of its transition "
                                        + "to it or to a later stage of the main line (its signing and landing dates count as such); stalling or "
                                        + "cancelling later keeps what it reached.")
                List<FunnelStage> funnel) {

    private static final Map<String, Class<?>> LABELLED =
            Map.of("tier", InvestmentTier.class, "stage", ProjectStage.class);

    /**
     * One stage of the funnel: per tier, the projects at or above the tier's lower bound that have
     * reached it.
     */
    @Schema(name = "ProjectFunnelStage")
    public record FunnelStage(
            @Schema(example = "UNDER_CONSTRUCTION") ProjectStage stage,
            @Schema(
                            example =
                                    "{\"FROM_100M\": {\"count\": 184, \"plannedInvestment\": 61200000000, \"completedInvestment\": 0}}")
                    Map<InvestmentTier, Amounts> atLeast) {}

    /**
     * How many projects, and their summed planned and completed (latest reported) investment in
     * RMB.
     */
    @Schema(name = "ProjectAmounts")
    public record Amounts(
            long count, BigDecimal plannedInvestment, BigDecimal completedInvestment) {

        Amounts plus(long count, BigDecimal planned, BigDecimal completed) {
            return new Amounts(
                    this.count + count,
                    plannedInvestment.add(planned),
                    completedInvestment.add(completed));
        }
    }

    /**
     * @param reached rows of {@code ProjectRepository.reachedStages}: tier, farthest main-line
     *     stage (ordinal), count, planned sum, completed sum
     * @param from the first stage of the funnel
     */
    public static ProjectStats of(
            int year,
            String by,
            List<String> columns,
            List<Object[]> rows,
            List<Object[]> reached,
            ProjectStage from) {
        List<String> names =
                columns.stream().map(c -> c.equals("region_code") ? "regionCode" : c).toList();
        List<Map<String, Object>> groups = new ArrayList<>();
        Map<InvestmentTier, Long> perTier = new LinkedHashMap<>();
        long total = 0;
        for (Object row : rows) {
            Object[] cells = (Object[]) row;
            Map<String, Object> group = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                Labelled.putWithLabel(group, names.get(i), cells[i], LABELLED);
            }
            long count = ((Number) cells[names.size()]).longValue();
            group.put("count", count);
            group.put(
                    "plannedInvestment",
                    cells[names.size() + 1] == null ? BigDecimal.ZERO : cells[names.size() + 1]);
            group.put(
                    "completedInvestment",
                    cells[names.size() + 2] == null ? BigDecimal.ZERO : cells[names.size() + 2]);
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
        return new ProjectStats(year, by, names, total, atLeast, groups, funnel(reached, from));
    }

    private static List<FunnelStage> funnel(List<Object[]> reached, ProjectStage from) {
        List<FunnelStage> funnel = new ArrayList<>();
        InvestmentTier[] tiers = InvestmentTier.values();
        for (int stage = from.ordinal(); stage <= ProjectStage.IN_PRODUCTION.ordinal(); stage++) {
            Map<InvestmentTier, Amounts> atLeast = new LinkedHashMap<>();
            for (int tier = 1; tier < tiers.length; tier++) {
                Amounts amounts = new Amounts(0, BigDecimal.ZERO, BigDecimal.ZERO);
                for (Object[] row : reached) {
                    if (InvestmentTier.valueOf((String) row[0]).ordinal() >= tier
                            && ((Number) row[1]).intValue() >= stage) {
                        amounts =
                                amounts.plus(
                                        ((Number) row[2]).longValue(),
                                        orZero(row[3]),
                                        orZero(row[4]));
                    }
                }
                atLeast.put(tiers[tier], amounts);
            }
            funnel.add(new FunnelStage(ProjectStage.values()[stage], atLeast));
        }
        return funnel;
    }

    private static BigDecimal orZero(Object sum) {
        return sum == null ? BigDecimal.ZERO : (BigDecimal) sum;
    }
}
