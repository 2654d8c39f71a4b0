package org.innoreg.indicators.events;

import java.time.DateTimeException;
import java.util.List;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;
import org.innoreg.chassis.events.EventHandler;
import org.innoreg.chassis.events.ReceivedEvent;
import org.innoreg.indicators.domain.Contribution;
import org.innoreg.indicators.service.DerivedIndicatorService;

/**
 * Reads one topic of another service and says what each of its records contributes to derived
 * indicators; {@link DerivedIndicatorService} turns the difference from the record's previous
 * contributions into derived observations. A tolerant reader: it picks the fields it needs from the
 * event's data and ignores the rest.
 */
public abstract class DerivedIndicatorHandler implements EventHandler {

    private static final Logger LOG = Logger.getLogger(DerivedIndicatorHandler.class);

    private final DerivedIndicatorService derived;

    protected DerivedIndicatorHandler(DerivedIndicatorService derived) {
        this.derived = derived;
    }

    /** The one topic this handler reads, e.g. {@code registry.platform.v1}. */
    public abstract String topic();

    /** What the record adds to derived cells in the state the event carries; none once it is deleted. */
    public abstract List<Contribution> contributions(ReceivedEvent event);

    @Override
    public Pattern topics() {
        return EventHandler.topics(topic());
    }

    @Override
    public void apply(ReceivedEvent event) {
        List<Contribution> contributions;
        try {
            contributions = contributions(event);
        } catch (DateTimeException | NumberFormatException malformed) {
            // Retrying can never help, and treating it as a delete would be wrong: keep the last good state.
            LOG.errorf("event %s of %s has malformed data (%s); derived indicators keep its previous state",
                    event.id(), event.subject(), malformed.getMessage());
            return;
        }
        derived.apply(event, contributions);
    }

    protected static boolean isDelete(ReceivedEvent event) {
        return event.type() != null && event.type().endsWith(".deleted");
    }

    protected static String text(ReceivedEvent event, String field) {
        var node = event.data().get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
