package org.innoreg.indicators.consuming;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.innoreg.chassis.events.EventHandler;
import org.innoreg.chassis.events.ReceivedEvent;
import org.innoreg.indicators.derived.ContributionRule;
import org.innoreg.indicators.service.DerivedIndicatorService;

/**
 * Keeps derived indicators current from the other services' events: each event goes to the rule of
 * its topic ({@link ContributionRule}: what the record contributes), and {@link
 * DerivedIndicatorService} applies the difference from the record's previous contributions, in the
 * consumer's transaction.
 */
@ApplicationScoped
public class DerivedIndicatorHandler implements EventHandler {

    private final DerivedIndicatorService derived;
    private final Map<String, ContributionRule> rulesByTopic = new LinkedHashMap<>();

    DerivedIndicatorHandler(
            DerivedIndicatorService derived, @Any Instance<ContributionRule> rules) {
        this.derived = derived;
        rules.forEach(rule -> rulesByTopic.put(rule.topic(), rule));
    }

    @Override
    public Pattern topics() {
        return EventHandler.topics(rulesByTopic.keySet().toArray(String[]::new));
    }

    @Override
    public void apply(ReceivedEvent event) {
        ContributionRule rule = rulesByTopic.get(event.topic());
        if (rule != null) {
            rule.read(event).ifPresent(contributions -> derived.apply(event, contributions));
        }
    }
}
