package org.innoreg.testsupport;

import static org.innoreg.testsupport.Waiting.sleep;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.innoreg.testsupport.suite.JvmOptions;

/**
 * A real Kafka broker in a child JVM ({@code org.innoreg.deploy.kafka.LocalKafkaBroker}), on free
 * ports and a fresh data directory. Tests may {@link #stop()} and {@link #start()} it to simulate
 * an outage; the data directory and ports are kept, so a restart is the same broker again.
 */
public final class KafkaBroker {

    private static final String MAIN_CLASS = "org.innoreg.deploy.kafka.LocalKafkaBroker";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final List<String>
            clusterOptions; // --node-id, --voters, --cluster-id of a node of a KafkaCluster
    private Process process;

    private KafkaBroker(Path dataDir, int port, int controllerPort, List<String> clusterOptions) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.clusterOptions = clusterOptions;
    }

    /** One node of a {@link KafkaCluster}. */
    static KafkaBroker node(
            Path dataDir,
            int port,
            int controllerPort,
            int nodeId,
            String voters,
            String clusterId) {
        return new KafkaBroker(
                dataDir,
                port,
                controllerPort,
                List.of(
                        "--node-id",
                        String.valueOf(nodeId),
                        "--voters",
                        voters,
                        "--cluster-id",
                        clusterId));
    }

    int controllerPort() {
        return controllerPort;
    }

    /**
     * A broker on these ports with its data in {@code dataDir} (kept by {@link #stop()}, so a
     * broker started there again finds its topics); not started yet.
     */
    public static KafkaBroker at(Path dataDir, int port, int controllerPort) {
        return new KafkaBroker(dataDir, port, controllerPort, List.of());
    }

    /** A broker on free ports in a new temporary directory; not started yet. */
    public static KafkaBroker onFreePorts() {
        try {
            return new KafkaBroker(
                    Files.createTempDirectory("innoreg-kafka-"),
                    FreePorts.next(),
                    FreePorts.next(),
                    List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Its log (in the data directory). */
    public Path log() {
        return dataDir.resolve("broker.log");
    }

    /** The broker JVM's process id, -1 while it is not running. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Starts the broker and returns once it answers metadata requests (a cluster's node: once the
     * quorum has formed).
     */
    public synchronized KafkaBroker start() {
        launch();
        awaitReady();
        return this;
    }

    /**
     * Starts the process without waiting: the nodes of a cluster must all be starting before any is
     * ready.
     */
    synchronized void launch() {
        if (isRunning()) {
            return;
        }
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(JvmOptions.BROKER);
        command.addAll(
                List.of(
                        "-cp",
                        brokerClasspath(),
                        MAIN_CLASS,
                        "--data-dir",
                        dataDir.toString(),
                        "--port",
                        String.valueOf(port),
                        "--controller-port",
                        String.valueOf(controllerPort),
                        "--exit-with-parent"));
        command.addAll(clusterOptions);
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessBuilder builder =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(
                                ProcessBuilder.Redirect.appendTo(
                                        dataDir.resolve("broker.log").toFile()));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Kafka broker JVM", e);
        }
    }

    /** Stops the broker the hard way (SIGKILL), like a crashed or unreachable Kafka. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /**
     * Stops the broker the orderly way (SIGTERM: it flushes and closes its logs, so the next start
     * in the same data directory need not recover them), SIGKILL after 30 s.
     */
    public synchronized void shutdown() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        process = null;
    }

    /**
     * Stops the broker for good and removes its data directory (its log, partitions and metadata).
     */
    public synchronized void close() {
        stop();
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // the temporary directory outlives us: nothing a test can do about it
        }
    }

    synchronized void awaitReady() {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Map<String, Object> config =
                Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Kafka broker exited early:\n" + logTail());
                }
                try {
                    if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (Exception notYet) {
                    sleep(200);
                }
            }
        }
        throw new IllegalStateException(
                "Kafka broker not ready after " + READY_TIMEOUT + ":\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines =
                    Files.readAllLines(dataDir.resolve("broker.log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no broker log: " + e.getMessage() + ")";
        }
    }

    /**
     * The broker's classpath: the kafka-broker module's classes (a directory or a jar) plus the
     * dependency list its build wrote to broker-classpath.txt.
     */
    static String brokerClasspath() {
        URL resource =
                Thread.currentThread().getContextClassLoader().getResource("broker-classpath.txt");
        if (resource == null) {
            resource = KafkaBroker.class.getClassLoader().getResource("broker-classpath.txt");
        }
        if (resource == null) {
            throw new IllegalStateException(
                    "broker-classpath.txt not found: build the deploy/kafka-broker module first");
        }
        String codeSource;
        try (InputStream in = resource.openStream()) {
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            String url = resource.toString();
            if (url.startsWith("jar:file:")) {
                codeSource =
                        Paths.get(java.net.URI.create(url.substring(4, url.indexOf("!/"))))
                                .toString();
            } else {
                codeSource = Paths.get(resource.toURI()).getParent().toString();
            }
            return codeSource + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
