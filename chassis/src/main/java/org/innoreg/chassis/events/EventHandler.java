package org.innoreg.chassis.events;

import java.util.Set;

/**
 * A CDI bean that applies events of some topics. {@link EventConsumer} calls {@link #apply} inside the
 * transaction that also records the event id, so an event is applied at most once, and exactly once
 * once it is committed. A handler that throws rolls the whole event back; it is retried later.
 */
public interface EventHandler {

    /** The topics this handler reads, e.g. {@code registry.platform.v1}. */
    Set<String> topics();

    void apply(ReceivedEvent event);
}
