package org.innoreg.chassis.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Values of native query results, whose Java type depends on the driver and Hibernate's mapping.
 */
public final class SqlValues {

    private SqlValues() {}

    /** A timestamptz column as an OffsetDateTime, whichever type the result carries it in. */
    public static OffsetDateTime offsetDateTime(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
