package org.innoreg.testsupport.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Quarkus service ({@code <module>/target/quarkus-app/quarkus-run.jar}) in a process
 * of its own, as it runs in production: on a free HTTP port, configured by environment variables,
 * its log in a file. Nothing here knows which service it is; {@link Suite} wires the four together.
 *
 * <p>The process dies with the test JVM: a stop on close, a JVM shutdown hook, and a tiny {@code
 * sh} watchdog that SIGKILLs it should the test JVM itself be killed. Only processes started here
 * are ever signalled.
 */
public final class ServiceProcess {

    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
    private static final int PORT_ATTEMPTS = 3;

    private final String name;
    private final Path jar;
    private final Path log;
    private final List<String> jvmOptions =
            new ArrayList<>(
                    List.of(
                            "-Xmx256m",
                            "-XX:+UseSerialGC",
                            "-XX:TieredStopAtLevel=1",
                            "-Dfile.encoding=UTF-8"));
    private final Map<String, String> environment = new LinkedHashMap<>();
    private int port;
    private int fixedPort; // 0: a free one at each launch
    private Process process;
    private Process watchdog;
    private Thread shutdownHook;

    private ServiceProcess(String name, Path jar, Path log) {
        this.name = name;
        this.jar = jar;
        this.log = log;
    }

    /**
     * @param name how the service is called in logs and messages
     * @param jar its quarkus-run.jar (the quarkus-app directory around it must be complete)
     * @param log the file its output is appended to
     */
    public static ServiceProcess of(String name, Path jar, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    name
                            + ": "
                            + jar
                            + " does not exist; package the service first "
                            + "(./mvnw -B package -DskipTests, or ./mvnw -B verify, which builds this module after the services)");
        }
        return new ServiceProcess(name, jar, log);
    }

    public ServiceProcess env(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    public ServiceProcess env(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /**
     * Replaces the default JVM options (-Xmx256m, serial GC, C1 only: quick to start on two cores).
     */
    public ServiceProcess jvmOptions(List<String> options) {
        jvmOptions.clear();
        jvmOptions.addAll(options);
        return this;
    }

    /**
     * Always this port (a suite a person looks at, e.g. the gateway on 8080), instead of a free
     * one.
     */
    public ServiceProcess fixedPort(int port) {
        this.fixedPort = port;
        return this;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    /** The HTTP port; chosen at {@link #launch()}, and again if that one was taken meanwhile. */
    public synchronized int port() {
        return port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the process on a free port without waiting for it; see {@link #awaitReady(Duration)}.
     */
    public synchronized ServiceProcess launch() {
        if (isAlive()) {
            return this;
        }
        port = fixedPort > 0 ? fixedPort : freePort();
        try {
            Files.createDirectories(log.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(log.getParent().toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        try {
            Files.writeString(
                    log,
                    "---- " + name + " on port " + port + ": " + String.join(" ", command) + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        watchdog = startWatchdog(process.pid());
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::kill, name + "-stop");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
        return this;
    }

    /**
     * Waits until {@code /q/health/ready} answers 200. A service that exits because its port was
     * taken in the meantime is started again on another one (the port may change: read {@link
     * #port()} after this).
     */
    public ServiceProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int attempt = 1; ; attempt++) {
            while (System.nanoTime() < deadline) {
                if (readiness() == 200) {
                    return this;
                }
                if (!isAlive()) {
                    break;
                }
                sleep(200);
            }
            String tail = logTail(40);
            boolean alive = isAlive();
            if (!alive
                    && attempt < PORT_ATTEMPTS
                    && (tail.contains("Port already bound")
                            || tail.contains("Address already in use"))) {
                launch();
                continue;
            }
            kill();
            throw new IllegalStateException(
                    name
                            + (alive ? " not ready after " + timeout : " exited during start-up")
                            + " (log "
                            + log
                            + "):\n"
                            + tail);
        }
    }

    /** The readiness check's status, or -1 while nothing answers. */
    public int readiness() {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException notAnswering) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGTERM (Quarkus shuts down gracefully), SIGKILL if it is still there after 15 s. */
    public synchronized void stop() {
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
    public synchronized void kill() {
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
    public void close() {
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

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * A shell loop that SIGKILLs the service once the test JVM is gone (and ends by itself with the
     * service).
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

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
