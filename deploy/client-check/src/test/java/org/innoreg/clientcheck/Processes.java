package org.innoreg.clientcheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The command-line tools the check runs as a partner would: each to completion, into a log. */
final class Processes {

    private Processes() {}

    /**
     * Runs {@code command} in {@code directory}, its output in {@code log}; fails with the log's
     * tail unless it exits 0 within {@code timeout}.
     */
    static void run(List<String> command, Path directory, Path log, Duration timeout)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        Process process =
                new ProcessBuilder(command)
                        .directory(directory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(
                    String.join(" ", command)
                            + " did not finish in "
                            + timeout
                            + ":\n"
                            + tail(log));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(
                    String.join(" ", command)
                            + " exited with "
                            + process.exitValue()
                            + ":\n"
                            + tail(log));
        }
    }

    /** The last 60 lines of a log. */
    static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
