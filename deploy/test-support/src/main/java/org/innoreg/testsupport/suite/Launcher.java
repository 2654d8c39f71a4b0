package org.innoreg.testsupport.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.innoreg.testsupport.FreePorts;
import org.innoreg.testsupport.KafkaBroker;
import org.innoreg.testsupport.suite.LaunchPlan.Entry;
import org.innoreg.testsupport.suite.Suite.Service;
import sun.misc.Signal;

/**
 * The suite's launcher on the command line, for deploy/run-suite and the benchmark: starts a Kafka
 * broker (or uses a given one) and packaged services with the given ports, databases, key,
 * environment and JVM options ({@link LaunchPlan#USAGE}), waits until each is ready, and prints one
 * line per started process to standard output, then the bootstrap address and {@code ready}:
 *
 * <pre>
 * started name=kafka pid=4711 port=9092 seconds=3.20
 * started name=registry pid=4712 port=8081 seconds=14.03
 * bootstrap address=127.0.0.1:9092
 * ready seconds=16.91
 * </pre>
 *
 * Then it stays until SIGTERM or Ctrl-C (or its parent's end, with --exit-with-parent) and stops
 * everything it started, services gracefully; should one of them exit by itself, it stops the rest
 * and exits with status 1. Messages for people go to standard error.
 */
public final class Launcher {

    /** A thread per task: the common pool has fewer threads than services on a small machine. */
    private static final Executor THREADS =
            task -> {
                Thread thread = new Thread(task, "launcher");
                thread.setDaemon(true);
                thread.start();
            };

    private final LaunchPlan plan;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private KafkaBroker broker;
    private String bootstrap;
    private boolean stopped;
    private volatile boolean stopping; // from the first exit() on: processes ending are expected

    private Launcher(LaunchPlan plan) {
        this.plan = plan;
    }

    public static void main(String[] args) {
        LaunchPlan plan;
        try {
            plan = LaunchPlan.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("[launcher] " + e.getMessage() + "\n" + LaunchPlan.USAGE);
            System.exit(2);
            return;
        }
        Launcher launcher = new Launcher(plan);
        // Signals stop everything gracefully first; the processes' own hooks only SIGKILL.
        for (String signal : List.of("TERM", "INT", "HUP")) {
            Signal.handle(new Signal(signal), s -> launcher.exit(0));
        }
        try {
            launcher.start();
        } catch (RuntimeException e) {
            System.err.println("[launcher] " + e.getMessage());
            launcher.exit(1);
        }
        launcher.watch();
    }

    private void start() {
        long started = System.nanoTime();
        Path root = plan.root != null ? plan.root : Suite.root();
        Path logs =
                plan.logs != null
                        ? plan.logs
                        : root.resolve("target/launcher/" + Postgres.runStamp());
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path publicKey =
                plan.jwtPublicKey != null
                        ? plan.jwtPublicKey
                        : Suite.writeTestPublicKey(logs.resolve("jwt-public.pem"));
        Map<Service, Integer> backends = new LinkedHashMap<>();
        List<ServiceProcess> order = new ArrayList<>();
        for (Entry entry : plan.services) {
            int port = LaunchPlan.portOrFree(entry.port());
            ServiceProcess process =
                    ServiceProcess.packaged(
                                    root,
                                    entry.kind(),
                                    entry.label(),
                                    logs.resolve(entry.label() + ".log"))
                            .fixedPort(port)
                            .jvmOptions(plan.jvmOptionsOf(entry.label()))
                            .env("INNOREG_JWT_PUBLIC_KEY", publicKey.toString());
            Optional.ofNullable(plan.databases.get(entry.kind()))
                    .ifPresent(db -> process.env(entry.kind().databaseVariable, db));
            services.put(entry.label(), process);
            order.add(process);
            if (entry.kind().urlVariable != null) {
                backends.putIfAbsent(entry.kind(), port);
            }
        }
        for (Entry entry : plan.services) {
            if (entry.kind() == Service.GATEWAY) { // to the backends started here, unless told
                backends.forEach(
                        (kind, port) ->
                                services.get(entry.label())
                                        .env(kind.urlVariable, "http://127.0.0.1:" + port));
            }
        }
        order.forEach(p -> p.env(plan.environment));
        startKafka();
        order.forEach(p -> p.env("KAFKA_BOOTSTRAP_SERVERS", bootstrap));
        Duration timeout = Duration.ofSeconds(plan.readySeconds);
        if (plan.sequential) {
            order.forEach(p -> report(p, launchAndAwait(p, timeout)));
        } else { // all launched at once, then each awaited on a thread of its own
            List<CompletableFuture<Void>> ready = new ArrayList<>();
            for (ServiceProcess process : order) {
                long launched = System.nanoTime();
                process.launch();
                ready.add(
                        CompletableFuture.runAsync(
                                () -> {
                                    process.awaitReady(timeout);
                                    report(process, System.nanoTime() - launched);
                                },
                                THREADS));
            }
            try {
                CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        System.err.println("[launcher] logs in " + logs);
        System.out.println("bootstrap address=" + bootstrap);
        System.out.printf(Locale.ROOT, "ready seconds=%.2f%n", (System.nanoTime() - started) / 1e9);
        System.out.flush();
    }

    private void startKafka() {
        if (plan.bootstrap != null) {
            bootstrap = plan.bootstrap;
            return;
        }
        int port = LaunchPlan.portOrFree(plan.kafkaPort);
        int controller = plan.kafkaControllerPort > 0 ? plan.kafkaControllerPort : FreePorts.next();
        try {
            Path data =
                    plan.kafkaData != null
                            ? plan.kafkaData
                            : Files.createTempDirectory("innoreg-kafka-");
            broker = KafkaBroker.at(data, port, controller);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long started = System.nanoTime();
        broker.start();
        bootstrap = broker.bootstrapServers();
        line("kafka", broker.pid(), port, System.nanoTime() - started);
        System.err.println("[launcher] kafka log " + broker.log());
    }

    private static long launchAndAwait(ServiceProcess process, Duration timeout) {
        long started = System.nanoTime();
        process.launch().awaitReady(timeout);
        return System.nanoTime() - started;
    }

    private void report(ServiceProcess process, long nanos) {
        line(process.name(), process.pid(), process.port(), nanos);
    }

    private static synchronized void line(String name, long pid, int port, long nanos) {
        System.out.printf(
                Locale.ROOT,
                "started name=%s pid=%d port=%d seconds=%.2f%n",
                name,
                pid,
                port,
                nanos / 1e9);
        System.out.flush();
    }

    /**
     * Until a signal, the parent's end, or a process that exits by itself; never returns (main's
     * end would end the JVM, and its shutdown hooks would SIGKILL what a signal is stopping).
     */
    private void watch() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        while (true) {
            for (Map.Entry<String, ServiceProcess> service : services.entrySet()) {
                if (!stopping && !service.getValue().isAlive()) {
                    System.err.println(
                            "[launcher] "
                                    + service.getKey()
                                    + " exited; its log: "
                                    + service.getValue().log());
                    exit(1);
                }
            }
            if (!stopping && broker != null && !broker.isRunning()) {
                System.err.println("[launcher] the Kafka broker exited; its log: " + broker.log());
                exit(1);
            }
            if (!stopping && plan.exitWithParent && parent.isPresent() && !parent.get().isAlive()) {
                exit(0);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                exit(0);
            }
        }
    }

    /**
     * Stops the gateways first (nothing routes to a stopped backend), then the rest, then Kafka.
     */
    private void exit(int status) {
        stopping = true;
        synchronized (this) {
            if (!stopped) {
                stopped = true;
                List<CompletableFuture<Void>> closing = new ArrayList<>();
                services.values().stream()
                        .filter(p -> p.isAlive() && isGateway(p))
                        .forEach(ServiceProcess::close);
                services.values().stream()
                        .filter(p -> !isGateway(p))
                        .forEach(p -> closing.add(CompletableFuture.runAsync(p::close, THREADS)));
                closing.forEach(CompletableFuture::join);
                if (broker != null) {
                    broker.shutdown();
                    if (plan.kafkaData == null) {
                        broker.close(); // its temporary directory
                    }
                }
                System.err.println("[launcher] stopped");
            }
        }
        System.exit(status);
    }

    private boolean isGateway(ServiceProcess process) {
        return plan.services.stream()
                .anyMatch(e -> e.label().equals(process.name()) && e.kind() == Service.GATEWAY);
    }
}
