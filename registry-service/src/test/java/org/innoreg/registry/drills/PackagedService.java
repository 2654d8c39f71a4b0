package org.innoreg.registry.drills;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.innoreg.testsupport.KafkaBroker;
import org.innoreg.testsupport.PrivatePostgres;
import org.innoreg.testsupport.TestTokens;

/**
 * The packaged registry service (target/quarkus-app) in a process of its own, as it runs in
 * production, for drills that kill it or take away what it depends on.
 */
final class PackagedService {

    static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();

    private final Map<String, String> environment;
    private final Path log;
    private final int port;
    private Process process;

    private PackagedService(Map<String, String> environment, Path log, int port) {
        this.environment = environment;
        this.log = log;
        this.port = port;
    }

    /**
     * A service on a free port, with the test key pair's public key, writing its log to
     * target/drills.
     *
     * @param environment the database and Kafka it uses (INNOREG_REGISTRY_DB, PGPORT,
     *     KAFKA_BOOTSTRAP_SERVERS...)
     */
    static PackagedService configure(String logName, Map<String, String> environment)
            throws IOException {
        Path publicKey =
                Files.createDirectories(Paths.get("target", "drills")).resolve("jwt-public.pem");
        try (InputStream in =
                PackagedService.class
                        .getClassLoader()
                        .getResourceAsStream("innoreg-test-jwt/public.pem")) {
            Files.copy(in, publicKey, StandardCopyOption.REPLACE_EXISTING);
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Map<String, String> all = new HashMap<>(environment);
        all.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        all.put("INNOREG_JWT_PUBLIC_KEY", publicKey.toAbsolutePath().toString());
        return new PackagedService(all, Paths.get("target", "drills", logName), port);
    }

    /**
     * The service against a PostgreSQL server of the drill's own (running; the service's database
     * is created on it) and a Kafka broker of the drill's own.
     */
    static PackagedService against(String logName, PrivatePostgres postgres, KafkaBroker broker)
            throws Exception {
        String database = "innoreg_registry";
        postgres.execute("CREATE DATABASE " + database);
        return configure(
                logName,
                Map.of(
                        "PGHOST",
                        "127.0.0.1",
                        "PGPORT",
                        String.valueOf(postgres.port()),
                        "INNOREG_REGISTRY_DB",
                        database,
                        "KAFKA_BOOTSTRAP_SERVERS",
                        broker.bootstrapServers()));
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    Path log() {
        return log;
    }

    /** Starts the process and waits (up to 90 s) until it reports ready. */
    PackagedService start() throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder =
                new ProcessBuilder(java, "-Xmx256m", "-jar", "target/quarkus-app/quarkus-run.jar")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (readiness() == 200) {
                return this;
            }
            assertThat(process.isAlive()).as("service running (log: " + log + ")").isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("service not ready; log: " + log);
    }

    /** The readiness check's status, or -1 while nothing answers. */
    int readiness() throws InterruptedException {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(url("/q/health/ready")))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException notAnswering) {
            return -1;
        }
    }

    /** GET of a path, 10 s at most. */
    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a municipal maker space of that name in 430703 as an admin, 10 s at most. */
    HttpResponse<String> createPlatform(String nameZh) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url("/api/v1/platforms")))
                        .timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TestTokens.admin())
                        .POST(
                                HttpRequest.BodyPublishers.ofString(
                                        "{\"nameZh\":\""
                                                + nameZh
                                                + "\",\"type\":\"MAKER_SPACE\",\"level\":\"MUNICIPAL\",\"regionCode\":\"430703\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL: no shutdown hook, no graceful drain. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
        }
    }
}
