package org.innoreg.chassis.web;

import java.util.UUID;
import org.innoreg.chassis.events.AuditLog;

/**
 * The {@code GET /{id}/changes} of a versioned record: who changed it, and when, from the audit
 * log. Its resource declares the operation (with its own summary and {@link #DESCRIPTION}) and
 * answers with {@link #of}.
 */
public final class RecordChanges {

    /** The operation's description, the same for every record (a deleted one's changes too). */
    public static final String DESCRIPTION =
            "Every change, oldest first, also of a deleted one: the version it made, "
                    + "the subject of the token that made it (also the CloudEvent's actor attribute), the time, and the fields it "
                    + "changed with their old and new values.";

    private RecordChanges() {}

    /**
     * Every change of one record, oldest first, as one page.
     *
     * @param ifNone called when the log has none, to answer 404 for a record that never was
     */
    public static Page<AuditLog.Change> of(
            AuditLog audit, String aggregateType, UUID id, Runnable ifNone) {
        return Page.of(audit.changes(aggregateType, id.toString(), ifNone));
    }
}
