package org.innoreg.gateway.feed;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.innoreg.chassis.validation.RegionCodes;

/** Reads the feed in position order. */
@ApplicationScoped
public class FeedRepository {

    /** The position of the newest event in the feed (0 when empty). */
    public long lastPosition() {
        return ((Number)
                        entityManager
                                .createNativeQuery(
                                        "SELECT coalesce(max(position), 0) FROM feed_event")
                                .getSingleResult())
                .longValue();
    }

    /** One feed entry: its cursor position and the CloudEvent as published. */
    public record Entry(long position, String topic, String event) {}

    private final EntityManager entityManager;

    FeedRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public List<Entry> after(long position, FeedFilter filter, int limit) {
        StringBuilder sql =
                new StringBuilder(
                        "SELECT position, topic, event::text FROM feed_event WHERE position > :after");
        if (filter.type() != null) {
            sql.append(" AND type = :type");
        }
        if (filter.subject() != null) {
            sql.append(" AND subject = :subject");
        }
        if (filter.region() != null) {
            // also the event that moved a record out of the region: a follower of it sees it go
            sql.append(" AND (region_code LIKE :region OR left_region_code LIKE :region)");
        }
        if (filter.since() != null) {
            sql.append(" AND event_time >= :since");
        }
        sql.append(" ORDER BY position LIMIT :limit");
        Query query =
                entityManager
                        .createNativeQuery(sql.toString())
                        .setParameter("after", position)
                        .setParameter("limit", limit);
        if (filter.type() != null) {
            query.setParameter("type", filter.type());
        }
        if (filter.subject() != null) {
            query.setParameter("subject", filter.subject());
        }
        if (filter.region() != null) {
            query.setParameter("region", RegionCodes.descendantPrefix(filter.region()) + "%");
        }
        if (filter.since() != null) {
            query.setParameter("since", filter.since());
        }
        List<Entry> entries = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            entries.add(
                    new Entry(
                            ((Number) columns[0]).longValue(),
                            (String) columns[1],
                            (String) columns[2]));
        }
        return entries;
    }

    /**
     * What a partner narrows the feed to; null means no filter. {@code since}: only events whose
     * CloudEvents {@code time} is at or after it (an event without a time is left out).
     */
    public record FeedFilter(String type, String subject, String region, OffsetDateTime since) {
        public static final FeedFilter NONE = new FeedFilter(null, null, null, null);

        public FeedFilter(String type, String subject, String region) {
            this(type, subject, region, null);
        }
    }
}
