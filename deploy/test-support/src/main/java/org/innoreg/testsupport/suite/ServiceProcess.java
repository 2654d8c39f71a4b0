package org.innoreg.testsupport.suite;

import static org.innoreg.testsupport.Waiting.sleep;

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

/**
 * One packaged Quarkus service ({@code <module>/target/quarkus-app/quarkus-run.jar}) in a process
 * of its own, as it runs in production: on a free HTTP port, configured by environment variables,
 * its log in a file, with {@link JvmOptions#SERVICE} (and the app's AppCDS archive if it has one).
 * Nothing here knows which service it is; {@link Suite} and {@link Launcher} wire the four
 * together, the drills use one alone.
 *
 * <p>The process dies with the JVM that started it ({@link ChildProcess}).
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
    private final List<String> jvmOptions = new ArrayList<>(JvmOptions.SERVICE_UNDER_TEST);
    private final Map<String, String> environment = new LinkedHashMap<>();
    private final ChildProcess child;
    private int port;
    private int fixedPort; // 0: a free one at each launch

    private ServiceProcess(String name, Path jar, Path log) {
        this.name = name;
        this.jar = jar;
        this.log = log;
        this.child = new ChildProcess(name);
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

    /**
     * The packaged {@code service} of the checkout {@code root} (its
     * target/quarkus-app/quarkus-run.jar), called {@code name}, its log in {@code log}.
     */
    public static ServiceProcess packaged(Path root, Suite.Service service, String name, Path log) {
        return of(
                name,
                root.resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar"),
                log);
    }

    public ServiceProcess env(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    public ServiceProcess env(Map<String, String> variables) {
        environment.putAll(variables);
        return this;
    }

    /** Replaces the default JVM options ({@link JvmOptions#SERVICE}). */
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

    public boolean isAlive() {
        return child.isAlive();
    }

    /** The process id of the current (or last) start, -1 before the first. */
    public long pid() {
        return child.pid();
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
        command.addAll(JvmOptions.forApp(jar.getParent(), jvmOptions));
        // From its own directory, by its relative name: the AppCDS archive only loads when the
        // class path is spelled as when the build wrote it (java -jar quarkus-run.jar, there).
        command.add("-jar");
        command.add(jar.getFileName().toString());
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .directory(jar.getParent().toFile())
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
            child.adopt(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        return this;
    }

    /**
     * Starts it again on the port it had, e.g. after {@link #kill()}: its clients keep their
     * address, as with a service restarted in place.
     */
    public synchronized ServiceProcess relaunch() {
        if (port > 0 && fixedPort == 0) {
            fixedPort = port;
        }
        return launch();
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
    public void stop() {
        child.stop();
    }

    /** SIGKILL: no shutdown hook, no graceful drain. */
    public void kill() {
        child.kill();
    }

    /** Stops it and forgets the shutdown hook (the end of its life in this JVM). */
    public void close() {
        child.close();
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
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
}
