package org.innoreg.indicators.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.innoreg.chassis.events.ReceivedEvent;
import org.innoreg.chassis.validation.RegionCodes;
import org.innoreg.indicators.domain.Contribution;
import org.innoreg.indicators.service.DerivedIndicatorService;

/**
 * Counts and investment sums of projects from {@code projects.project.v1}:
 * {@code projects.<measure>[.<tier>[.<stage>]]} for measure count, planned_investment and
 * completed_investment, in the project's region and above, in the project's year: the year it landed;
 * if it has not landed, the year it was signed; if not signed, the year it entered the pipeline.
 */
@Singleton
public class ProjectTotals extends DerivedIndicatorHandler {

    ProjectTotals(DerivedIndicatorService derived) {
        super(derived);
    }

    @Override
    public String topic() {
        return "projects.project.v1";
    }

    @Override
    public List<Contribution> contributions(ReceivedEvent event) {
        String tier = text(event, "tier");
        String stage = text(event, "stage");
        String region = text(event, "regionCode");
        String year = year(event);
        if (isDelete(event) || tier == null || stage == null || region == null || year == null) {
            return List.of();
        }
        Map<String, BigDecimal> measures = Map.of(
                "count", BigDecimal.ONE,
                "planned_investment", amount(event, "plannedInvestment"),
                "completed_investment", amount(event, "completedInvestment"));
        List<Contribution> contributions = new ArrayList<>();
        measures.forEach((measure, amount) -> {
            String base = "projects." + measure;
            for (String code : List.of(base, base + "." + PlatformCounts.lower(tier),
                    base + "." + PlatformCounts.lower(tier) + "." + PlatformCounts.lower(stage))) {
                for (String area : RegionCodes.withAncestors(region)) {
                    contributions.add(new Contribution(code, area, year, amount));
                }
            }
        });
        return contributions;
    }

    private static String year(ReceivedEvent event) {
        for (String field : List.of("landedOn", "signedOn")) {
            String date = text(event, field);
            if (date != null) {
                return String.valueOf(LocalDate.parse(date).getYear());
            }
        }
        String created = text(event, "createdAt");
        return created == null ? null
                : String.valueOf(OffsetDateTime.parse(created).atZoneSameInstant(DerivedIndicatorService.ZONE).getYear());
    }

    private static BigDecimal amount(ReceivedEvent event, String field) {
        String value = text(event, field);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value);
    }
}
