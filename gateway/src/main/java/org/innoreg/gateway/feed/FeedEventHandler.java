package org.innoreg.gateway.feed;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
        entityManager
                .createNativeQuery(
                        """
                INSERT INTO feed_event (event_id, type, source, subject, region_code, topic, event_time, event)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, CAST(?8 AS json))
                ON CONFLICT (event_id) DO NOTHING
                """)
                .setParameter(1, event.id())
                .setParameter(2, event.type())
                .setParameter(3, event.source())
                .setParameter(4, event.subject())
                .setParameter(5, regionOf(event.data()))
                .setParameter(6, event.topic())
                .setParameter(7, event.time())
                .setParameter(8, event.json())
                .executeUpdate();
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
