package org.innoreg.chassis.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.innoreg.chassis.events.AuditLog;
import org.innoreg.chassis.events.EventContract;
import org.innoreg.chassis.security.Caller;
import org.innoreg.chassis.write.FieldChange;

/**
 * The {@code GET /{id}/changes} of a versioned record: who changed it, and when, from the audit
 * log. Its resource declares the operation (with its own summary and {@link #DESCRIPTION}) and
 * answers with {@link #of}. What a bureau does not publish (the view's {@code @Unpublished} fields)
 * an anonymous caller sees changed in neither its old nor its new value.
 */
@ApplicationScoped
public class RecordChanges {

    /** The operation's description, the same for every record (a deleted one's changes too). */
    public static final String DESCRIPTION =
            "Every change, oldest first, also of a deleted one: the version it made, "
                    + "the subject of the token that made it (also the CloudEvent's actor attribute), the time, and the fields it "
                    + "changed with their old and new values. Without a token, the fields a bureau does not publish are left "
                    + "out.";

    private final AuditLog audit;
    private final Caller caller;

    RecordChanges(AuditLog audit, Caller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    /**
     * Every change of one record of the contract's aggregate, oldest first, as one page.
     *
     * @param ifNone called when the log has none, to answer 404 for a record that never was
     */
    public Page<AuditLog.Change> of(EventContract contract, UUID id, Runnable ifNone) {
        List<AuditLog.Change> changes = audit.changes(contract.aggregate(), id.toString(), ifNone);
        List<String> unpublished = contract.unpublished();
        if (caller.isReader() || unpublished.isEmpty()) {
            return Page.of(changes);
        }
        return Page.of(changes.stream().map(change -> withheld(change, unpublished)).toList());
    }

    private static AuditLog.Change withheld(AuditLog.Change change, List<String> unpublished) {
        if (change.fields() == null) {
            return change;
        }
        List<FieldChange> published =
                change.fields().stream().filter(f -> !isIn(f.field(), unpublished)).toList();
        return new AuditLog.Change(
                change.version(),
                change.action(),
                change.actor(),
                change.changedAt(),
                change.eventId(),
                published);
    }

    /** The field, or a field nested in it ({@code detail.members} is in {@code detail}). */
    private static boolean isIn(String path, List<String> fields) {
        return fields.stream().anyMatch(f -> path.equals(f) || path.startsWith(f + "."));
    }
}
