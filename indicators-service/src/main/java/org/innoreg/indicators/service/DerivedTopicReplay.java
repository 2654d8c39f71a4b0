package org.innoreg.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.kafka.common.KafkaException;
import org.innoreg.chassis.events.ReceivedEvent;
import org.innoreg.chassis.events.TopicReplay;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.indicators.derived.ContributionRule;
import org.innoreg.indicators.domain.Contribution;

/**
 * The rebuild's reading of the topics derived indicators come from: every event from the beginning
 * ({@link TopicReplay}), through the rule of its topic. Kafka unreachable: a 503 problem.
 */
@ApplicationScoped
class DerivedTopicReplay {

    private static final Duration REBUILD_READ_LIMIT = Duration.ofMinutes(30);

    private final Instance<ContributionRule> rules;
    private final TopicReplay topics;

    DerivedTopicReplay(@Any Instance<ContributionRule> rules, TopicReplay topics) {
        this.rules = rules;
        this.topics = topics;
    }

    /**
     * Reads the derived rules' topics from the beginning up to their current ends, handing each
     * event's contributions to {@code apply}.
     *
     * @return how many events were read
     */
    long replay(BiConsumer<ReceivedEvent, List<Contribution>> apply) {
        Map<String, ContributionRule> byTopic = new LinkedHashMap<>();
        rules.forEach(rule -> byTopic.put(rule.topic(), rule));
        try {
            return topics.replay(
                    "derived-rebuild",
                    byTopic.keySet(),
                    REBUILD_READ_LIMIT,
                    event ->
                            byTopic.get(event.topic())
                                    .read(event)
                                    .ifPresent(
                                            contributions -> apply.accept(event, contributions)));
        } catch (KafkaException e) {
            throw new ProblemException(
                    ProblemException.Kind.UNAVAILABLE,
                    "kafka-unavailable",
                    Messages.text("indicator.kafka-unavailable", e.getMessage()),
                    null);
        }
    }
}
