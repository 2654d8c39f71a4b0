package org.innoreg.testsupport.suite;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.innoreg.testsupport.KafkaBroker;
import org.innoreg.testsupport.TestTokens;

/**
 * The whole suite on this machine, private to one test class: its own Kafka broker, a fresh
 * database per service, and the four packaged services on free ports, the gateway routing to the
 * other three, every service trusting the test key pair ({@link TestTokens}). Nothing of a suite
 * running on the default ports (8080-8083, 9092, the innoreg_* databases) is touched. {@link
 * #close()} stops the processes, the broker, and drops the databases; the services' logs stay under
 * the work directory ({@code -Dinnoreg.suite.work}, else {@code target/suites/}), one directory per
 * run.
 */
public final class Suite implements Deployment, AutoCloseable {

    /**
     * The four services: their module, the variable naming their database, the gateway's variable
     * for their URL.
     */
    public enum Service {
        REGISTRY("registry-service", "registry", "INNOREG_REGISTRY_DB", "INNOREG_REGISTRY_URL"),
        PROJECTS("projects-service", "projects", "INNOREG_PROJECTS_DB", "INNOREG_PROJECTS_URL"),
        INDICATORS(
                "indicators-service",
                "indicators",
                "INNOREG_INDICATORS_DB",
                "INNOREG_INDICATORS_URL"),
        GATEWAY("gateway", "gateway", "INNOREG_GATEWAY_DB", null);

        public final String module;
        public final String shortName;
        public final String databaseVariable;
        public final String urlVariable;

        Service(String module, String shortName, String databaseVariable, String urlVariable) {
            this.module = module;
            this.shortName = shortName;
            this.databaseVariable = databaseVariable;
            this.urlVariable = urlVariable;
        }
    }

    private static final Duration READY_TIMEOUT =
            Duration.ofSeconds(Long.getLong("innoreg.suite.ready-seconds", 180));

    private final Path runDirectory;
    private final KafkaBroker broker;
    private final Map<Service, String> databases = new EnumMap<>(Service.class);
    private final Map<Service, ServiceProcess> services = new EnumMap<>(Service.class);
    private boolean closed;

    private Suite(Path runDirectory, KafkaBroker broker) {
        this.runDirectory = runDirectory;
        this.broker = broker;
    }

    /**
     * Starts everything and returns when every service reports ready.
     *
     * @param label names the run's directory and databases, e.g. the test class
     */
    public static Suite start(String label) {
        String stamp = Postgres.runStamp();
        Path run = workDirectory().resolve(label + "-" + stamp);
        Suite suite = new Suite(run, KafkaBroker.onFreePorts());
        try {
            suite.startAll(stamp);
            return suite;
        } catch (RuntimeException | Error e) {
            suite.close();
            throw e;
        }
    }

    private void startAll(String stamp) {
        long started = System.nanoTime();
        try {
            Files.createDirectories(runDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CompletableFuture<Void> kafka = CompletableFuture.runAsync(broker::start);
        Postgres.dropLeftovers(6);
        for (Service service : Service.values()) {
            String database = Postgres.PREFIX + stamp + "_" + service.shortName;
            Postgres.create(database);
            databases.put(service, database);
        }
        Path publicKey = writeTestPublicKey(runDirectory.resolve("jwt-public.pem"));
        Path root = root();
        for (Service service : Service.values()) {
            ServiceProcess process =
                    ServiceProcess.packaged(
                                    root,
                                    service,
                                    service.module,
                                    runDirectory.resolve(service.module + ".log"))
                            .env(Postgres.serviceEnvironment())
                            .env("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers())
                            .env(service.databaseVariable, databases.get(service))
                            .env("INNOREG_JWT_PUBLIC_KEY", publicKey.toAbsolutePath().toString())
                            .env("INNOREG_JWT_ISSUER", TestTokens.ISSUER)
                            .env("INNOREG_JWT_AUDIENCE", TestTokens.AUDIENCE);
            services.put(service, process);
        }
        for (Service service : List.of(Service.REGISTRY, Service.PROJECTS, Service.INDICATORS)) {
            services.get(service).launch();
        }
        Map<Service, Integer> ports = backendPorts();
        wireGateway().launch();
        try {
            kafka.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        List<CompletableFuture<Void>> ready = new ArrayList<>();
        for (ServiceProcess process : services.values()) {
            ready.add(CompletableFuture.runAsync(() -> process.awaitReady(READY_TIMEOUT)));
        }
        try {
            CompletableFuture.allOf(ready.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        if (!ports.equals(
                backendPorts())) { // a backend had to move to another port: tell the gateway
            ServiceProcess gateway = services.get(Service.GATEWAY);
            gateway.stop();
            wireGateway().launch().awaitReady(READY_TIMEOUT);
        }
        System.out.printf(
                "[suite] %s ready in %.1f s: gateway %s, registry %s, projects %s, indicators %s, kafka %s, logs %s%n",
                runDirectory.getFileName(),
                (System.nanoTime() - started) / 1e9,
                url(Service.GATEWAY, ""),
                url(Service.REGISTRY, ""),
                url(Service.PROJECTS, ""),
                url(Service.INDICATORS, ""),
                broker.bootstrapServers(),
                runDirectory);
    }

    private Map<Service, Integer> backendPorts() {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : List.of(Service.REGISTRY, Service.PROJECTS, Service.INDICATORS)) {
            ports.put(service, services.get(service).port());
        }
        return ports;
    }

    private ServiceProcess wireGateway() {
        ServiceProcess gateway = services.get(Service.GATEWAY);
        for (Service service : List.of(Service.REGISTRY, Service.PROJECTS, Service.INDICATORS)) {
            gateway.env(service.urlVariable, "http://127.0.0.1:" + services.get(service).port());
        }
        return gateway;
    }

    /** The gateway's address of a path, e.g. {@code gateway("/api/v1/search?q=x")}. */
    public String gateway(String path) {
        return url(Service.GATEWAY, path);
    }

    public String url(Service service, String path) {
        return services.get(service).url(path);
    }

    public ServiceProcess process(Service service) {
        return services.get(service);
    }

    public String database(Service service) {
        return databases.get(service);
    }

    @Override
    public Connection connect(Service service) throws SQLException {
        return Postgres.connect(databases.get(service));
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public KafkaBroker broker() {
        return broker;
    }

    /** Where this run's logs and files are. */
    public Path runDirectory() {
        return runDirectory;
    }

    /** The last lines of each service's log, for a failure message. */
    public String logTails(int lines) {
        StringBuilder out = new StringBuilder();
        services.forEach(
                (service, process) ->
                        out.append("\n---- ")
                                .append(process.log())
                                .append('\n')
                                .append(process.logTail(lines)));
        return out.toString();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ServiceProcess gateway = services.get(Service.GATEWAY);
        if (gateway != null) {
            gateway.close();
        }
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        services.forEach(
                (service, process) -> {
                    if (service != Service.GATEWAY) {
                        stopping.add(CompletableFuture.runAsync(process::close));
                    }
                });
        stopping.forEach(CompletableFuture::join);
        broker.close();
        databases.values().forEach(Postgres::drop);
    }

    /**
     * Writes the public key of the test key pair ({@link TestTokens} signs with its private key) to
     * {@code file}, for a service's INNOREG_JWT_PUBLIC_KEY.
     */
    public static Path writeTestPublicKey(Path file) {
        try (InputStream in =
                Suite.class.getClassLoader().getResourceAsStream("innoreg-test-jwt/public.pem")) {
            if (in == null) {
                throw new IllegalStateException(
                        "innoreg-test-jwt/public.pem not on the classpath (test-support)");
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The checkout whose services are started: -Dinnoreg.root (set by this module's build), else
     * found upwards.
     */
    public static Path root() {
        String configured = System.getProperty("innoreg.root");
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("registry-service/pom.xml"))
                    && Files.isRegularFile(dir.resolve("gateway/pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "cannot find the project root: run from the checkout or set -Dinnoreg.root");
    }

    private static Path workDirectory() {
        String configured = System.getProperty("innoreg.suite.work");
        return configured != null && !configured.isBlank()
                ? Paths.get(configured).toAbsolutePath()
                : Paths.get("target/suites").toAbsolutePath();
    }
}
