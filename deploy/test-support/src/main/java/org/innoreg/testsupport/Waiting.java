package org.innoreg.testsupport;

/** Pauses for the tests, the drills and the launcher. */
public final class Waiting {

    private Waiting() {}

    /**
     * Sleeps; an interrupt ends the wait as a failure of the caller (with the thread's interrupt
     * flag kept), since a test or launcher that was told to stop must not carry on as if it had
     * waited.
     */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
