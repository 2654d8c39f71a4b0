package org.innoreg.testsupport.suite;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Read models follow their records within moments: read again until the answer is the expected one,
 * or time is up.
 */
public final class Eventually {

    private Eventually() {}

    /**
     * Reads until {@code done} holds or {@code timeout} passes, and returns the last value read
     * (the caller asserts on it).
     */
    public static <T> T until(Duration timeout, Supplier<T> read, Predicate<T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return value;
            }
            value = read.get();
        }
        return value;
    }
}
