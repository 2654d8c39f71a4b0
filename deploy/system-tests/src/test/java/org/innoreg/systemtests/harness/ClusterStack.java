package org.innoreg.systemtests.harness;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.innoreg.testsupport.FreePorts;
import org.innoreg.testsupport.KafkaCluster;
import org.innoreg.testsupport.PrivatePostgres;
import org.innoreg.testsupport.TestTokens;
import org.innoreg.testsupport.suite.Deployment;
import org.innoreg.testsupport.suite.ServiceProcess;
import org.innoreg.testsupport.suite.Suite;
import org.innoreg.testsupport.suite.Suite.Service;

/**
 * The suite as it runs beyond one machine, on this one (deploy/cluster): three Kafka nodes (KRaft,
 * each a broker and a controller voter; topics RF 3, min ISR 2), a PostgreSQL primary with a
 * synchronous streaming standby holding the four services' databases, two replicas of each service
 * on ports of their own and two gateways routing to both replicas of each. Every service lists all
 * brokers and both database servers ({@code targetServerType=primary}), so it finds the new primary
 * after a promotion by itself.
 *
 * <p>Nothing of a suite running on the default ports is touched unless {@link #gatewayPorts} asks
 * for them.
 */
public final class ClusterStack implements Deployment, AutoCloseable {

    public static final int REPLICAS = 2;
    private static final Duration READY_TIMEOUT =
            Duration.ofSeconds(Long.getLong("innoreg.suite.ready-seconds", 240));
    private static final List<Service> BACKENDS =
            List.of(Service.REGISTRY, Service.PROJECTS, Service.INDICATORS);

    private final Path runDirectory;
    private final KafkaCluster kafka;
    private final Map<Service, List<ServiceProcess>> replicas = new EnumMap<>(Service.class);
    private PrivatePostgres primary;
    private PrivatePostgres standby;
    private boolean closed;

    private ClusterStack(Path runDirectory) {
        this.runDirectory = runDirectory;
        this.kafka = KafkaCluster.ofThree(runDirectory.resolve("kafka"));
    }

    /**
     * Starts everything and returns when every replica reports ready.
     *
     * @param runDirectory logs and Kafka's data; PostgreSQL's data goes next to it when the
     *     postgres user can enter it, else under the temporary directory
     * @param gatewayPorts the two gateways' ports, or null for free ones
     */
    public static ClusterStack start(Path runDirectory, int[] gatewayPorts) {
        ClusterStack stack = new ClusterStack(runDirectory.toAbsolutePath());
        try {
            stack.startAll(gatewayPorts);
            return stack;
        } catch (Exception e) {
            stack.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    private void startAll(int[] gatewayPorts) throws Exception {
        long started = System.nanoTime();
        Files.createDirectories(runDirectory);
        CompletableFuture<Void> brokers = CompletableFuture.runAsync(kafka::start);
        startDatabases();
        Path publicKey = runDirectory.resolve("jwt-public.pem");
        try (InputStream in =
                ClusterStack.class
                        .getClassLoader()
                        .getResourceAsStream("innoreg-test-jwt/public.pem")) {
            Files.copy(in, publicKey, StandardCopyOption.REPLACE_EXISTING);
        }
        Path root = Suite.root();
        Map<Service, List<Integer>> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            List<Integer> chosen = new ArrayList<>();
            for (int n = 1; n <= REPLICAS; n++) {
                chosen.add(
                        service == Service.GATEWAY && gatewayPorts != null
                                ? gatewayPorts[n - 1]
                                : FreePorts.next());
            }
            ports.put(service, chosen);
        }
        for (Service service : Service.values()) {
            List<ServiceProcess> processes = new ArrayList<>();
            for (int n = 1; n <= REPLICAS; n++) {
                String name = service.module + "-" + n;
                ServiceProcess process =
                        ServiceProcess.packaged(
                                        root, service, name, runDirectory.resolve(name + ".log"))
                                .fixedPort(ports.get(service).get(n - 1))
                                .env("PGUSER", "postgres")
                                .env("PGPASSWORD", "")
                                .env(
                                        "QUARKUS_DATASOURCE_JDBC_URL",
                                        "jdbc:postgresql://"
                                                + primary.address()
                                                + ","
                                                + standby.address()
                                                + "/"
                                                + database(service)
                                                + "?targetServerType=primary&connectTimeout=2")
                                .env(service.databaseVariable, database(service))
                                .env("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers())
                                // static group membership: a replica restarted under its name gets
                                // its partitions back at once
                                .env("INNOREG_EVENTS_CONSUMER_INSTANCE_ID", name)
                                .env("INNOREG_JWT_PUBLIC_KEY", publicKey.toString())
                                .env("INNOREG_JWT_ISSUER", TestTokens.ISSUER)
                                .env("INNOREG_JWT_AUDIENCE", TestTokens.AUDIENCE);
                if (service == Service.REGISTRY) {
                    process.env(
                            "QUARKUS_DATASOURCE_REACTIVE_URL",
                            "postgresql://"
                                    + primary.address()
                                    + "/"
                                    + database(service)
                                    + ",postgresql://"
                                    + standby.address()
                                    + "/"
                                    + database(service));
                }
                if (service == Service.GATEWAY) {
                    for (Service backend : BACKENDS) {
                        process.env(
                                backend.urlVariable,
                                ports.get(backend).stream()
                                        .map(p -> "http://127.0.0.1:" + p)
                                        .collect(Collectors.joining(",")));
                    }
                    // The drill's writers are one client at ten writes a second per gateway; a
                    // person trying
                    // the stack is one client too. Limits are per gateway process
                    // (deploy/README.md).
                    process.env("INNOREG_GATEWAY_RATE_LIMIT_ENABLED", "false");
                }
                processes.add(process);
            }
            replicas.put(service, processes);
        }
        join(brokers);
        all().forEach(ServiceProcess::launch);
        join(
                CompletableFuture.allOf(
                        all().stream()
                                .map(
                                        p ->
                                                CompletableFuture.runAsync(
                                                        () -> p.awaitReady(READY_TIMEOUT)))
                                .toArray(CompletableFuture[]::new)));
        System.out.printf(
                "[cluster] ready in %.1f s: gateways %s, kafka %s, postgres primary %s standby %s, logs %s%n",
                (System.nanoTime() - started) / 1e9,
                replicas.get(Service.GATEWAY).stream()
                        .map(p -> p.url(""))
                        .collect(Collectors.joining(" ")),
                kafka.bootstrapServers(),
                primary.address(),
                standby.address(),
                runDirectory);
    }

    /**
     * The primary with every database, then its synchronous standby. The primary asks for a
     * synchronous standby before the copy is taken, as a real one is configured, so the standby
     * inherits the setting: {@link #failover()} deals with that the way CloudNativePG's {@code
     * dataDurability: preferred} does.
     */
    private void startDatabases() throws Exception {
        // beside the run's logs when the postgres user can reach them, else under the temporary
        // directory (a checkout under a 0700 home)
        Path parent = runDirectory.resolve("postgres");
        primary = PrivatePostgres.create(parent);
        primary.start();
        for (Service service : Service.values()) {
            primary.execute("CREATE DATABASE " + database(service));
        }
        primary.execute("ALTER SYSTEM SET synchronous_standby_names = '*'");
        primary.execute("SELECT pg_reload_conf()");
        standby = PrivatePostgres.standbyOf(primary, parent);
        standby.start();
    }

    /**
     * Stops the primary (fast shutdown) and promotes the standby. The promoted server copied {@code
     * synchronous_standby_names} and has no standby of its own, so every commit would wait for
     * ever: like CloudNativePG with {@code dataDurability: preferred}, durability falls back to the
     * one server left (the requirement is dropped) rather than availability to none.
     *
     * @return seconds from the stop until the new primary accepts writes
     */
    public double failover() throws Exception {
        long start = System.nanoTime();
        primary.stop();
        standby.promote();
        standby.execute("ALTER SYSTEM RESET synchronous_standby_names");
        standby.execute("SELECT pg_reload_conf()");
        PrivatePostgres old = primary;
        primary = standby;
        standby = old;
        return (System.nanoTime() - start) / 1e9;
    }

    public static String database(Service service) {
        return "innoreg_" + service.shortName;
    }

    public List<ServiceProcess> all() {
        return replicas.values().stream().flatMap(List::stream).toList();
    }

    /** Replica 1 or 2 of a service. */
    public ServiceProcess replica(Service service, int number) {
        return replicas.get(service).get(number - 1);
    }

    /** Gateway 1's or 2's address of a path. */
    public String gateway(int number, String path) {
        return replica(Service.GATEWAY, number).url(path);
    }

    public KafkaCluster kafka() {
        return kafka;
    }

    public PrivatePostgres primary() {
        return primary;
    }

    public PrivatePostgres standby() {
        return standby;
    }

    public Path runDirectory() {
        return runDirectory;
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public Connection connect(Service service) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://"
                        + primary.address()
                        + ","
                        + standby.address()
                        + "/"
                        + database(service)
                        + "?targetServerType=primary&connectTimeout=2",
                "postgres",
                "");
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        replicas.getOrDefault(Service.GATEWAY, List.of()).forEach(ServiceProcess::close);
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        replicas.forEach(
                (service, processes) ->
                        processes.forEach(p -> stopping.add(CompletableFuture.runAsync(p::close))));
        stopping.forEach(CompletableFuture::join);
        kafka.close();
        for (PrivatePostgres server : new PrivatePostgres[] {standby, primary}) {
            if (server != null) {
                try {
                    server.close();
                } catch (Exception e) {
                    System.err.println("[cluster] " + e.getMessage());
                }
            }
        }
    }

    private static void join(CompletableFuture<?> future) {
        try {
            future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
