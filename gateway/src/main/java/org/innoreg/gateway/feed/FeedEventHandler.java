package org.innoreg.gateway.feed;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.regex.Pattern;
import org.innoreg.chassis.events.EventHandler;
import org.innoreg.chassis.events.ReceivedEvent;

/**
 * Appends every event of the suite's topics to the feed (the consumer has already de-duplicated
 * it).
 */
@ApplicationScoped
public class FeedEventHandler implements EventHandler {

    /**
     * {@code <service>.<aggregate>.v<N>} of the three domain services, including topics created
     * later.
     */
    private static final Pattern SUITE_TOPICS =
            Pattern.compile("(registry|projects|indicators)\\.[a-z-]+\\.v[0-9]+");

    private final EntityManager entityManager;

    FeedEventHandler(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Pattern topics() {
        return SUITE_TOPICS;
    }

    /**
     * Positions are given in commit order: a reader pages with {@code after=<position>}, so a row
     * that got a lower position but committed after a higher one had been read would be skipped for
     * good. With two gateway replicas writing (they share the partitions of one consumer group)
     * that happened; a lock held from taking the position until the commit makes the order of
     * positions the order of commits. It serialises only these few-row transactions of the feed,
     * one per event.
     */
    private static final String POSITION_LOCK =
            "SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtext('innoreg.feed-position'))) AS locked";

    @Override
    public void apply(ReceivedEvent event) {
        entityManager.createNativeQuery(POSITION_LOCK).getSingleResult();
        String region = regionOf(event.data());
        entityManager
                .createNativeQuery(
                        """
                INSERT INTO feed_event (event_id, type, source, subject, region_code, left_region_code, topic,
                                        event_time, event)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, CAST(?9 AS json))
                ON CONFLICT (event_id) DO NOTHING
                """)
                .setParameter(1, event.id())
                .setParameter(2, event.type())
                .setParameter(3, event.source())
                .setParameter(4, event.subject())
                .setParameter(5, region)
                .setParameter(6, leftRegion(event, region))
                .setParameter(7, event.topic())
                .setParameter(8, event.time())
                .setParameter(9, event.json())
                .executeUpdate();
    }

    /**
     * The region the event's record leaves: the one its previous event in the feed was about, where
     * this one's is another (a platform moved from Wuling to Dingcheng); else null. A record's
     * events come in order (one partition per record), so its previous one is already here.
     */
    private String leftRegion(ReceivedEvent event, String region) {
        if (event.subject() == null) {
            return null;
        }
        List<?> previous =
                entityManager
                        .createNativeQuery(
                                "SELECT region_code FROM feed_event WHERE subject = ?1 AND topic = ?2"
                                        + " ORDER BY position DESC LIMIT 1")
                        .setParameter(1, event.subject())
                        .setParameter(2, event.topic())
                        .getResultList();
        Object before = previous.isEmpty() ? null : previous.get(0);
        return before == null || before.equals(region) ? null : before.toString();
    }

    /**
     * The region an event is about, for the feed's region filter: the record's {@code regionCode}
     * (an observation's {@code region}), or a region's own {@code code}; tolerant reader: anything
     * else is simply not region-filterable.
     */
    static String regionOf(JsonNode data) {
        for (String field : new String[] {"regionCode", "region"}) {
            JsonNode region = data.path(field);
            if (region.isTextual() && region.asText().matches("[1-8][0-9]{5}")) {
                return region.asText();
            }
        }
        JsonNode code = data.path("code");
        return code.isTextual() && code.asText().matches("[1-8][0-9]{5}") && data.has("level")
                ? code.asText()
                : null;
    }
}
