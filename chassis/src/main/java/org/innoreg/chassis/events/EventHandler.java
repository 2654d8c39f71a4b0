package org.innoreg.chassis.events;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A CDI bean that applies events of some topics. {@link EventConsumer} calls {@link #apply} inside
 * the transaction that also records the event id, so an event is applied at most once, and exactly
 * once once it is committed. A handler that throws rolls the whole event back; it is retried later.
 */
public interface EventHandler {

    /**
     * The topics this handler reads, as a pattern, so that a handler of "every topic of the suite"
     * also picks up topics created later. Use {@link #topics(String...)} for a fixed list.
     */
    Pattern topics();

    void apply(ReceivedEvent event);

    /** A pattern matching exactly these topic names. */
    static Pattern topics(String... names) {
        return Pattern.compile(
                Arrays.stream(names).map(Pattern::quote).collect(Collectors.joining("|")));
    }
}
