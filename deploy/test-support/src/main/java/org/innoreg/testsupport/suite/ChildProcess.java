package org.innoreg.testsupport.suite;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * An operating-system process this JVM started, tied to this JVM's life: stopped by {@link #stop()}
 * or {@link #kill()}, by a JVM shutdown hook, and by a tiny {@code sh} watchdog that SIGKILLs it
 * should this JVM itself be killed. Only processes started here are ever signalled. What the
 * process is (a service, its port, its readiness) is {@link ServiceProcess}'s business.
 */
final class ChildProcess {

    private final String name;
    private Process process;
    private Process watchdog;
    private Thread shutdownHook;

    ChildProcess(String name) {
        this.name = name;
    }

    /** Takes over a process just started (the one before it is gone by then). */
    synchronized void adopt(Process started) {
        stopWatchdog();
        process = started;
        watchdog = startWatchdog(started.pid());
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::kill, name + "-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** The process id, or -1 before the first start. */
    synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** SIGTERM (Quarkus shuts down gracefully), SIGKILL if it is still there after 15 s. */
    synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        stopWatchdog();
    }

    /** SIGKILL: no shutdown hook, no graceful drain. */
    synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        stopWatchdog();
    }

    /** Stops it and forgets the shutdown hook (the end of its life in this JVM). */
    void close() {
        stop();
        synchronized (this) {
            if (shutdownHook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(shutdownHook);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs anyway
                }
                shutdownHook = null;
            }
        }
    }

    /**
     * A shell loop that SIGKILLs the child once this JVM is gone (and ends by itself with the
     * child).
     */
    private static Process startWatchdog(long child) {
        long parent = ProcessHandle.current().pid();
        String script =
                "while kill -0 "
                        + parent
                        + " 2>/dev/null && kill -0 "
                        + child
                        + " 2>/dev/null; do sleep 2; done; "
                        + "kill -0 "
                        + parent
                        + " 2>/dev/null || kill -9 "
                        + child
                        + " 2>/dev/null";
        try {
            return new ProcessBuilder("sh", "-c", script)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException noShell) {
            return null; // the shutdown hook still covers a normal exit
        }
    }

    private void stopWatchdog() {
        if (watchdog != null) {
            watchdog.destroy();
            watchdog = null;
        }
    }
}
