package org.innoreg.chassis.events;

import java.time.Duration;

/**
 * The wait between the attempts of a background loop that retries until Kafka or the database
 * answers: doubling from the first wait up to the longest, and the first again after a success.
 */
final class Backoff {

    private final Duration first;
    private final Duration longest;
    private Duration current;

    Backoff(Duration first, Duration longest) {
        this.first = first;
        this.longest = longest;
        this.current = first;
    }

    /** The next wait. */
    Duration current() {
        return current;
    }

    /** After a success: the next failure waits the first wait again. */
    void reset() {
        current = first;
    }

    /** Waits the current wait, and doubles it (up to the longest) for the next failure. */
    void sleep() throws InterruptedException {
        Thread.sleep(current.toMillis());
        current =
                current.multipliedBy(2).compareTo(longest) > 0 ? longest : current.multipliedBy(2);
    }
}
