package org.innoreg.registry.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.innoreg.testsupport.KafkaBroker;
import org.innoreg.testsupport.TestTokens;
import org.innoreg.testsupport.TopicReader;
import org.innoreg.testsupport.suite.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * R2 of the fault drills, against the packaged service in a process of its own: writes run on four
 * threads, the service is killed with SIGKILL mid-stream and started again. Every write that got a
 * 201 is in the database with its history and audit rows (nothing half-written) and arrives on
 * Kafka; every created platform is evented exactly once by event id (the relay may repeat an event
 * after a crash; the id lets consumers drop the copy).
 */
class ServiceCrashDrillIT {

    private static final String DATABASE = "innoreg_registry_drill";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = DrillService.HTTP;

    private static String pg(String database) {
        return "jdbc:postgresql://"
                + System.getenv().getOrDefault("PGHOST", "127.0.0.1")
                + ":"
                + System.getenv().getOrDefault("PGPORT", "5432")
                + "/"
                + database;
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                pg(database),
                System.getenv().getOrDefault("PGUSER", "postgres"),
                System.getenv().getOrDefault("PGPASSWORD", ""));
    }

    @Test
    void everyAcknowledgedWriteSurvivesASigkillAndIsEventedOnce() throws Exception {
        try (Connection admin = connect("postgres");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + DATABASE);
        }
        KafkaBroker broker = KafkaBroker.onFreePorts().start();
        ServiceProcess service =
                DrillService.configure(
                                "service-crash.log",
                                Map.of(
                                        "INNOREG_REGISTRY_DB",
                                        DATABASE,
                                        "KAFKA_BOOTSTRAP_SERVERS",
                                        broker.bootstrapServers()))
                        .launch()
                        .awaitReady(DrillService.READY);
        String token = TestTokens.admin();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger failed = new AtomicInteger();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger sequence = new AtomicInteger();
        try {
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                Thread writer =
                        new Thread(
                                () -> {
                                    while (writing.get()) {
                                        String body =
                                                "{\"nameZh\":\"断电演练平台"
                                                        + sequence.incrementAndGet()
                                                        + "\",\"type\":\"MAKER_SPACE\",\"level\":\"MUNICIPAL\",\"regionCode\":\"430703\"}";
                                        try {
                                            HttpResponse<String> response =
                                                    HTTP.send(
                                                            HttpRequest.newBuilder(
                                                                            URI.create(
                                                                                    service.url(
                                                                                            "/api/v1/platforms")))
                                                                    .timeout(Duration.ofSeconds(5))
                                                                    .header(
                                                                            "Content-Type",
                                                                            "application/json")
                                                                    .header(
                                                                            "Authorization",
                                                                            "Bearer " + token)
                                                                    .POST(
                                                                            HttpRequest
                                                                                    .BodyPublishers
                                                                                    .ofString(body))
                                                                    .build(),
                                                            HttpResponse.BodyHandlers.ofString());
                                            if (response.statusCode() == 201) {
                                                acknowledged.add(
                                                        JSON.readTree(response.body())
                                                                .path("id")
                                                                .asText());
                                            }
                                        } catch (IOException connectionLost) {
                                            failed.incrementAndGet();
                                        } catch (InterruptedException e) {
                                            return;
                                        }
                                    }
                                });
                writer.start();
                writers.add(writer);
            }
            // Kill it mid-load: once enough writes were acknowledged (on a busy machine that takes
            // longer than
            // the 4 s it takes alone), or after 30 s whatever the count.
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (acknowledged.size() < 60 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            service.kill();
            Thread.sleep(500);
            writing.set(false);
            for (Thread writer : writers) {
                writer.join(10_000);
            }
            assertThat(acknowledged)
                    .as("writes acknowledged before the kill")
                    .hasSizeGreaterThan(20);

            service.relaunch().awaitReady(DrillService.READY);

            Set<String> stored = new HashSet<>();
            try (Connection db = connect(DATABASE);
                    Statement query = db.createStatement()) {
                try (ResultSet rs = query.executeQuery("SELECT CAST(id AS text) FROM platform")) {
                    while (rs.next()) {
                        stored.add(rs.getString(1));
                    }
                }
                // Nothing half-written: each platform has its history entry, its audit row and its
                // outbox row.
                try (ResultSet rs =
                        query.executeQuery(
                                """
                        SELECT count(*) FROM platform p
                         WHERE (SELECT count(*) FROM platform_history h WHERE h.platform_id = p.id) <> 1
                            OR (SELECT count(*) FROM audit_log a WHERE a.aggregate_id = CAST(p.id AS text)) <> 1
                            OR (SELECT count(*) FROM outbox_event o WHERE o.aggregate_id = CAST(p.id AS text)) <> 1""")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("platforms missing part of their write").isZero();
                }
            }
            assertThat(stored).as("every acknowledged write is stored").containsAll(acknowledged);

            List<TopicReader.Message> messages =
                    TopicReader.readUntil(
                            broker.bootstrapServers(),
                            "registry.platform.v1",
                            Duration.ofSeconds(60),
                            read -> TopicReader.distinctKeys(read).size() >= stored.size());
            Map<String, Set<String>> eventIdsByPlatform = new HashMap<>();
            int copies = 0;
            for (TopicReader.Message message : messages) {
                JsonNode event = JSON.readTree(message.value());
                if (!eventIdsByPlatform
                        .computeIfAbsent(message.key(), k -> new HashSet<>())
                        .add(event.path("id").asText())) {
                    copies++;
                }
            }
            assertThat(eventIdsByPlatform.keySet())
                    .as("every stored platform is evented")
                    .containsAll(stored);
            assertThat(eventIdsByPlatform.values())
                    .as("one event per created platform")
                    .allMatch(ids -> ids.size() == 1);
            System.out.printf(
                    "R2: %d writes acknowledged before the SIGKILL, %d refused or cut off, %d stored, "
                            + "%d evented (%d repeated deliveries of an event id)%n",
                    acknowledged.size(),
                    failed.get(),
                    stored.size(),
                    eventIdsByPlatform.size(),
                    copies);
        } finally {
            writing.set(false);
            service.kill();
            broker.close();
            try (Connection admin = connect("postgres");
                    Statement statement = admin.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            }
        }
    }
}
