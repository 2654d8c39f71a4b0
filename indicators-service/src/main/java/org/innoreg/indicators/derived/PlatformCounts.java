package org.innoreg.indicators.derived;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.innoreg.chassis.events.ReceivedEvent;
import org.innoreg.chassis.validation.RegionCodes;
import org.innoreg.indicators.domain.Contribution;

/**
 * Counts of accredited platforms from {@code registry.platform.v1}: {@code platforms}, {@code
 * platforms.<type>} and {@code platforms.<type>.<level>} in the platform's region and every region
 * above it, by year. A platform counts in year Y with the classification (type, level, status,
 * region) it held on 31 December of Y according to its dated {@code history}, while in force
 * (ACTIVE, or UNDER_REVIEW: still accredited while re-assessed); REVOKED and MERGED end it, a move
 * counts it in the new region from that year on, a delete removes it from every year. Its years run
 * from its first step (its accreditation, or the day it was registered when it has no accreditation
 * date) on, without end while it stays in force.
 *
 * <p>An event from before {@code history} was published is read as one step: from {@code
 * accreditedOn} (else the day of {@code createdAt} in Beijing) with the classification the event
 * carries.
 */
@Singleton
public class PlatformCounts extends ContributionRule {

    private static final Set<String> IN_FORCE = Set.of("ACTIVE", "UNDER_REVIEW");

    /** A platform's classification from {@code on} on. */
    record Step(LocalDate on, String type, String level, String status, String region) {

        /** The classification alone, to merge years in which nothing changed. */
        List<String> classification() {
            return Arrays.asList(type, level, status, region);
        }

        boolean inForce() {
            return type != null && isRegion(region) && status != null && IN_FORCE.contains(status);
        }
    }

    @Override
    public String topic() {
        return "registry.platform.v1";
    }

    @Override
    public List<Contribution> contributions(ReceivedEvent event) {
        if (isDelete(event)) {
            return List.of();
        }
        // The classification held on 31 December of each year a step falls in: its last step of
        // that year.
        Map<Integer, Step> endOfYear = new TreeMap<>();
        for (Step step : steps(event)) {
            endOfYear.put(step.on().getYear(), step);
        }
        List<Map.Entry<Integer, Step>> years = new ArrayList<>(endOfYear.entrySet());
        List<Contribution> contributions = new ArrayList<>();
        for (int n = 0; n < years.size(); n++) {
            int from = years.get(n).getKey();
            Step held = years.get(n).getValue();
            // the same classification in the following step years is one span
            int next = n + 1;
            while (next < years.size()
                    && years.get(next).getValue().classification().equals(held.classification())) {
                next++;
            }
            Integer to = next < years.size() ? years.get(next).getKey() - 1 : null;
            n = next - 1;
            if (held.inForce()) {
                contributions.addAll(counts(held, from, to));
            }
        }
        return contributions;
    }

    private static List<Contribution> counts(Step held, int from, Integer to) {
        String type = lower(held.type());
        List<String> codes = new ArrayList<>(List.of("platforms", "platforms." + type));
        if (held.level() != null) {
            codes.add("platforms." + type + "." + lower(held.level()));
        }
        List<Contribution> contributions = new ArrayList<>();
        for (String code : codes) {
            for (String area : RegionCodes.withAncestors(held.region())) {
                contributions.add(Contribution.during(code, area, from, to, BigDecimal.ONE));
            }
        }
        return contributions;
    }

    /**
     * The platform's dated steps in effective-date order. A field a step leaves out keeps its value
     * from the step before (for the first step: the event's current one); one it gives as null is
     * null.
     */
    static List<Step> steps(ReceivedEvent event) {
        JsonNode data = event.data();
        String type = text(event, "type");
        String level = text(event, "level");
        String status = text(event, "status");
        String region = text(event, "regionCode");
        JsonNode history = array(event, "history");
        List<Step> steps = new ArrayList<>();
        if (history == null) {
            LocalDate since = date(data, "accreditedOn");
            since = since != null ? since : day(data, "createdAt");
            since = since != null ? since : day(event);
            if (since != null) {
                steps.add(new Step(since, type, level, status, region));
            }
            return steps;
        }
        for (JsonNode entry : history) {
            LocalDate on = date(entry, "effectiveOn");
            if (on == null) {
                throw new DateTimeException("a history step without effectiveOn");
            }
            type = field(entry, "type", type);
            level = field(entry, "level", level);
            status = field(entry, "status", status);
            region = field(entry, "regionCode", region);
            steps.add(new Step(on, type, level, status, region));
        }
        // The registry orders them by effective date, then recording; a stable sort keeps its order
        // within a day.
        steps.sort(Comparator.comparing(Step::on));
        return steps;
    }

    private static String field(JsonNode entry, String name, String previous) {
        return entry.has(name) ? text(entry, name) : previous;
    }

    static String lower(String constant) {
        return constant.toLowerCase(Locale.ROOT);
    }
}
