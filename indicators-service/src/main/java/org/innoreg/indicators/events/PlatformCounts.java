package org.innoreg.indicators.events;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Singleton;

import org.innoreg.chassis.events.ReceivedEvent;
import org.innoreg.chassis.validation.RegionCodes;
import org.innoreg.indicators.domain.Contribution;
import org.innoreg.indicators.service.DerivedIndicatorService;

/**
 * Counts of accredited platforms from {@code registry.platform.v1}: {@code platforms},
 * {@code platforms.<type>} and {@code platforms.<type>.<level>} in the platform's region and every region
 * above it. A platform counts while it is ACTIVE or UNDER_REVIEW (still accredited while re-assessed).
 */
@Singleton
public class PlatformCounts extends DerivedIndicatorHandler {

    private static final Set<String> IN_FORCE = Set.of("ACTIVE", "UNDER_REVIEW");

    PlatformCounts(DerivedIndicatorService derived) {
        super(derived);
    }

    @Override
    public String topic() {
        return "registry.platform.v1";
    }

    @Override
    public List<Contribution> contributions(ReceivedEvent event) {
        String type = text(event, "type");
        String level = text(event, "level");
        String region = text(event, "regionCode");
        if (isDelete(event) || type == null || region == null || !IN_FORCE.contains(text(event, "status"))) {
            return List.of();
        }
        List<String> codes = new ArrayList<>(List.of("platforms", "platforms." + lower(type)));
        if (level != null) {
            codes.add("platforms." + lower(type) + "." + lower(level));
        }
        List<Contribution> contributions = new ArrayList<>();
        for (String code : codes) {
            for (String area : RegionCodes.withAncestors(region)) {
                contributions.add(new Contribution(code, area, Contribution.CURRENT, BigDecimal.ONE));
            }
        }
        return contributions;
    }

    static String lower(String constant) {
        return constant.toLowerCase(Locale.ROOT);
    }
}
