package org.innoreg.clientcheck;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.innoreg.testsupport.FreePorts;

/**
 * Stoplight Prism as a validating proxy in front of the gateway: every request and every answer is
 * checked against the document. With {@code --errors} a violation replaces the answer by Prism's
 * own error (so the client sees it); without, the answer passes and Prism lists the violations in
 * its {@code sl-violations} header, which lets a deliberately bad request reach the services.
 */
final class PrismProxy implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private PrismProxy(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    static PrismProxy start(
            Path nodeTools, Path document, String upstream, boolean errors, Path log)
            throws IOException, InterruptedException {
        int port = FreePorts.next();
        List<String> command =
                new ArrayList<>(
                        List.of(
                                nodeTools.resolve("node_modules/.bin/prism").toString(),
                                "proxy",
                                document.toString(),
                                upstream,
                                "--host",
                                "127.0.0.1",
                                "--port",
                                String.valueOf(port)));
        if (errors) {
            command.add("--errors");
        }
        Process process =
                new ProcessBuilder(command)
                        .directory(nodeTools.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        PrismProxy prism = new PrismProxy(process, log, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!prism.output().contains("Prism is listening")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                prism.close();
                throw new AssertionError("Prism did not start:\n" + Processes.tail(log));
            }
            Thread.sleep(200);
        }
        return prism;
    }

    String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /** Prism's log so far. */
    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** The violations Prism logged (request and response), one line each. */
    List<String> loggedViolations() throws IOException {
        return output().lines().filter(line -> line.contains("Violation:")).toList();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
