package org.innoreg.indicators.derived;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innoreg.chassis.events.ReceivedEvent;
import org.innoreg.chassis.validation.RegionCodes;
import org.innoreg.indicators.domain.Contribution;

/**
 * Counts and investment sums of projects from {@code projects.project.v1}, for measure count,
 * planned_investment and completed_investment, in the project's region and above:
 *
 * <ul>
 *   <li>{@code projects.<measure>.<tier>.<stage>}: in the year the project reached that stage, for
 *       each stage its dated {@code transitions} say it reached (the first time: a stalled project
 *       resuming its stage does not reach it again);
 *   <li>{@code projects.<measure>} and {@code projects.<measure>.<tier>}: once, in the project's
 *       year: the year it landed; if it has not landed, the year it was signed; if not signed, the
 *       year it entered the pipeline (its first transition; without transitions, the day it was
 *       registered).
 * </ul>
 *
 * Tier and amounts are the project's current ones. An event from before {@code transitions} was
 * published is read as reaching its current stage on {@code stageSince}, SIGNED on {@code signedOn}
 * and LANDED on {@code landedOn} (the dates it carries).
 */
@Singleton
public class ProjectTotals extends ContributionRule {

    /** The project reached {@code stage} on {@code on}. */
    record Reached(String stage, LocalDate on) {}

    @Override
    public String topic() {
        return "projects.project.v1";
    }

    @Override
    public List<Contribution> contributions(ReceivedEvent event) {
        String tier = text(event, "tier");
        String stage = text(event, "stage");
        String region = text(event, "regionCode");
        if (isDelete(event) || tier == null || stage == null || !isRegion(region)) {
            return List.of();
        }
        JsonNode data = event.data();
        List<Reached> transitions = transitions(event, stage);
        // the first time it reached each stage
        Map<String, Integer> reached = new LinkedHashMap<>();
        transitions.forEach(t -> reached.putIfAbsent(t.stage(), t.on().getYear()));
        LocalDate landed = date(data, "landedOn");
        LocalDate signed = date(data, "signedOn");
        Integer year =
                landed != null
                        ? Integer.valueOf(landed.getYear())
                        : reached.containsKey("LANDED")
                                ? reached.get("LANDED")
                                : signed != null
                                        ? Integer.valueOf(signed.getYear())
                                        : reached.containsKey("SIGNED")
                                                ? reached.get("SIGNED")
                                                : entered(event, transitions);
        Map<String, BigDecimal> measures = new LinkedHashMap<>();
        measures.put("count", BigDecimal.ONE);
        measures.put("planned_investment", amount(event, "plannedInvestment"));
        measures.put("completed_investment", amount(event, "completedInvestment"));
        String tierCode = PlatformCounts.lower(tier);
        List<Contribution> contributions = new ArrayList<>();
        for (String area : RegionCodes.withAncestors(region)) {
            measures.forEach(
                    (measure, amount) -> {
                        String base = "projects." + measure;
                        if (year != null) {
                            contributions.add(Contribution.inYear(base, area, year, amount));
                            contributions.add(
                                    Contribution.inYear(base + "." + tierCode, area, year, amount));
                        }
                        reached.forEach(
                                (reachedStage, in) ->
                                        contributions.add(
                                                Contribution.inYear(
                                                        base
                                                                + "."
                                                                + tierCode
                                                                + "."
                                                                + PlatformCounts.lower(
                                                                        reachedStage),
                                                        area,
                                                        in,
                                                        amount)));
                    });
        }
        return contributions;
    }

    /**
     * The dated stage history, oldest first: the event's {@code transitions}, or for an older event
     * the dates it carries (its current stage on {@code stageSince}, else on the date that stage
     * records, else on the day it was registered; SIGNED on {@code signedOn}; LANDED on {@code
     * landedOn}).
     */
    static List<Reached> transitions(ReceivedEvent event, String stage) {
        JsonNode data = event.data();
        List<Reached> transitions = new ArrayList<>();
        JsonNode given = array(event, "transitions");
        if (given != null) {
            for (JsonNode transition : given) {
                String to = text(transition, "to");
                LocalDate on = date(transition, "on");
                if (to == null || on == null) {
                    throw new java.time.DateTimeException("a transition without its stage or date");
                }
                transitions.add(new Reached(to, on));
            }
        } else {
            LocalDate signed = date(data, "signedOn");
            LocalDate landed = date(data, "landedOn");
            LocalDate since = date(data, "stageSince");
            since =
                    since != null
                            ? since
                            : stage.equals("SIGNED")
                                    ? signed
                                    : stage.equals("LANDED") ? landed : null;
            since = since != null ? since : day(data, "createdAt");
            since = since != null ? since : day(event);
            if (signed != null) {
                transitions.add(new Reached("SIGNED", signed));
            }
            if (landed != null) {
                transitions.add(new Reached("LANDED", landed));
            }
            if (since != null) {
                transitions.add(new Reached(stage, since));
            }
        }
        transitions.sort(
                Comparator.comparing(Reached::on)); // stable: the publisher's order within a day
        return transitions;
    }

    /**
     * The year it entered the pipeline: its first transition, or (an older event) the day it was
     * registered.
     */
    private static Integer entered(ReceivedEvent event, List<Reached> transitions) {
        LocalDate on =
                array(event, "transitions") != null
                        ? transitions.get(0).on()
                        : day(event.data(), "createdAt");
        on = on != null ? on : day(event);
        return on == null ? null : on.getYear();
    }

    private static BigDecimal amount(ReceivedEvent event, String field) {
        String value = text(event, field);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value);
    }
}
