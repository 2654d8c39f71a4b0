package org.innoreg.indicators.derived;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.innoreg.chassis.events.ReceivedEvent;
import org.innoreg.chassis.validation.BureauCalendar;
import org.innoreg.indicators.domain.Contribution;
import org.jboss.logging.Logger;

/**
 * A derived-indicator rule: what each record of one topic of another service contributes to derived
 * cells, as a pure function of the event (no database, no Kafka: {@code DerivedContributionsTest}
 * runs them in milliseconds). {@code consuming.DerivedIndicatorHandler} applies them to live events
 * and {@code DerivedIndicatorService} to a replay, turning the difference from the record's
 * previous contributions into derived observations. A tolerant reader: it picks the fields it needs
 * from the event's data and ignores the rest. Contributions are dated by the record's own dates
 * (accreditation, level changes, stage transitions), never by when the event happened.
 */
public abstract class ContributionRule {

    /** The bureaus' calendar: an event on 31 December 23:30 in Beijing belongs to that year. */
    private static final ZoneId ZONE = BureauCalendar.ZONE;

    private static final Logger LOG = Logger.getLogger(ContributionRule.class);

    /** The one topic this rule reads, e.g. {@code registry.platform.v1}. */
    public abstract String topic();

    /**
     * What the record adds to derived cells in the state the event carries; none once it is
     * deleted.
     */
    public abstract List<Contribution> contributions(ReceivedEvent event);

    /**
     * The event's contributions, or empty when its data is malformed: retrying can never help, and
     * treating it as a delete would be wrong, so the record keeps its last good state (live and in
     * a rebuild alike).
     */
    public Optional<List<Contribution>> read(ReceivedEvent event) {
        try {
            return Optional.of(contributions(event));
        } catch (DateTimeException | NumberFormatException malformed) {
            LOG.errorf(
                    "event %s of %s has malformed data (%s); derived indicators keep its previous state",
                    event.id(), event.subject(), malformed.getMessage());
            return Optional.empty();
        }
    }

    protected static boolean isDelete(ReceivedEvent event) {
        return event.type() != null && event.type().endsWith(".deleted");
    }

    protected static String text(ReceivedEvent event, String field) {
        return event.data() == null ? null : text(event.data(), field);
    }

    protected static String text(JsonNode object, String field) {
        var node = object.get(field);
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    /**
     * An array field of the event's data, or null when it is absent (an event from before the
     * field).
     */
    protected static JsonNode array(ReceivedEvent event, String field) {
        JsonNode node = event.data() == null ? null : event.data().get(field);
        return node != null && node.isArray() && !node.isEmpty() ? node : null;
    }

    /** A date field (ISO {@code 2019-06-15}); a malformed one throws, as malformed data. */
    protected static LocalDate date(JsonNode object, String field) {
        String value = text(object, field);
        return value == null ? null : plausible(LocalDate.parse(value));
    }

    /**
     * The calendar day (in the bureaus' time zone) of a timestamp field such as {@code createdAt}.
     */
    protected static LocalDate day(JsonNode object, String field) {
        String value = text(object, field);
        return value == null
                ? null
                : plausible(OffsetDateTime.parse(value).atZoneSameInstant(ZONE).toLocalDate());
    }

    /**
     * The event's own time as a day: the last resort for records whose data carries no date at all.
     */
    protected static LocalDate day(ReceivedEvent event) {
        return event.time() == null ? null : event.time().atZoneSameInstant(ZONE).toLocalDate();
    }

    /**
     * A region code a cell can be kept for (GB/T 2260, six digits); anything else counts nowhere.
     */
    protected static boolean isRegion(String code) {
        return code != null && code.matches("[1-8][0-9]{5}");
    }

    private static LocalDate plausible(LocalDate date) {
        if (date.getYear() < 1900 || date.getYear() > 2999) {
            throw new DateTimeException("implausible date " + date);
        }
        return date;
    }
}
