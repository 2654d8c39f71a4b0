package org.innoreg.chassis.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * What every aggregate of the suite carries: a version that is its ETag and its events' sequence,
 * and when it was created and last changed. The columns are {@code version}, {@code created_at},
 * {@code updated_at}.
 */
@MappedSuperclass
public abstract class VersionedEntity {

    /** Starts at 1 for a new record and grows with every change. */
    @Version public long version = 1;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /**
     * Records a change of something the aggregate owns in a table of its own (a report, a review),
     * so that the aggregate's version, ETag and event sequence move with it.
     */
    public void touch() {
        updatedAt = now();
    }

    /** Before the first insert (also by a bulk insert that bypasses Hibernate). */
    @PrePersist
    public void stampCreated() {
        createdAt = now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void stampUpdated() {
        updatedAt = now();
    }

    /**
     * Microseconds: what PostgreSQL keeps, so the API shows the same instant before and after a
     * reload.
     */
    private static OffsetDateTime now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }
}
