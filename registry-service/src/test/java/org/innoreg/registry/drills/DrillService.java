package org.innoreg.registry.drills;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Map;
import org.innoreg.testsupport.KafkaBroker;
import org.innoreg.testsupport.PrivatePostgres;
import org.innoreg.testsupport.TestTokens;
import org.innoreg.testsupport.suite.ServiceProcess;
import org.innoreg.testsupport.suite.Suite;

/**
 * The packaged registry (target/quarkus-app) as the drills run it: a {@link ServiceProcess} of its
 * own on a free port, trusting the test key pair, its log under target/drills; and the requests the
 * drills make to it.
 */
final class DrillService {

    static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
    static final Duration READY = Duration.ofSeconds(90);

    private static final Path DRILLS = Paths.get("target", "drills").toAbsolutePath();

    private DrillService() {}

    /**
     * The service, not started yet.
     *
     * @param environment the database and Kafka it uses (INNOREG_REGISTRY_DB, PGPORT,
     *     KAFKA_BOOTSTRAP_SERVERS...)
     */
    static ServiceProcess configure(String logName, Map<String, String> environment) {
        Path publicKey = Suite.writeTestPublicKey(DRILLS.resolve("jwt-public.pem"));
        return ServiceProcess.packaged(
                        Suite.root(),
                        Suite.Service.REGISTRY,
                        "registry-service",
                        DRILLS.resolve(logName))
                .env(environment)
                .env("INNOREG_JWT_PUBLIC_KEY", publicKey.toString());
    }

    /**
     * The service against a PostgreSQL server of the drill's own (running; the service's database
     * is created on it) and a Kafka broker of the drill's own; not started yet.
     */
    static ServiceProcess against(String logName, PrivatePostgres postgres, KafkaBroker broker)
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

    /** GET of a path, 10 s at most. */
    static HttpResponse<String> get(ServiceProcess service, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(service.url(path)))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a municipal maker space of that name in 430703 as an admin, 10 s at most. */
    static HttpResponse<String> createPlatform(ServiceProcess service, String nameZh)
            throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(service.url("/api/v1/platforms")))
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
}
