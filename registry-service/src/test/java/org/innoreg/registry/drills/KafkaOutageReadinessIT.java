package org.innoreg.registry.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.innoreg.testsupport.KafkaBroker;
import org.innoreg.testsupport.PrivatePostgres;
import org.innoreg.testsupport.TopicReader;
import org.innoreg.testsupport.suite.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * Readiness tells the truth fast: while Kafka is away the packaged registry stays ready (its API
 * answers and its writes wait in the outbox), every readiness answer comes within a second, and the
 * answer reports the broker as DOWN and the backlog growing; when the broker is back the backlog is
 * published. Readiness is the database's verdict (DatabaseRestartDrillIT: not ready within a second
 * and a half of the database stopping).
 */
class KafkaOutageReadinessIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readyWithinASecondWhileKafkaIsAwayAndTheBacklogIsReported() throws Exception {
        KafkaBroker broker = KafkaBroker.onFreePorts().start();
        try (PrivatePostgres postgres = PrivatePostgres.create()) {
            postgres.start();
            ServiceProcess service = DrillService.against("kafka-outage.log", postgres, broker);
            try {
                service.launch().awaitReady(DrillService.READY);
                // a first write while Kafka is there: a cold JVM on a busy machine took seconds for
                // it
                assertThat(DrillService.createPlatform(service, "卡夫卡停机演练平台预热").statusCode())
                        .isEqualTo(201);
                broker.stop();
                long stoppedAt = System.nanoTime();
                List<String> slowOrNotReady = new ArrayList<>();
                List<String> written = new ArrayList<>();
                JsonNode last = null;
                while (System.nanoTime() - stoppedAt < Duration.ofSeconds(15).toNanos()) {
                    long asked = System.nanoTime();
                    HttpResponse<String> readiness = DrillService.get(service, "/q/health/ready");
                    long millis = Duration.ofNanos(System.nanoTime() - asked).toMillis();
                    if (readiness.statusCode() != 200 || millis > 1000) {
                        slowOrNotReady.add(readiness.statusCode() + " in " + millis + " ms");
                    }
                    last = events(JSON.readTree(readiness.body()));
                    HttpResponse<String> write =
                            DrillService.createPlatform(service, "卡夫卡停机演练平台" + written.size());
                    assertThat(write.statusCode())
                            .as("a write while Kafka is away: " + write.body())
                            .isEqualTo(201);
                    written.add(JSON.readTree(write.body()).path("id").asText());
                    Thread.sleep(250);
                }
                assertThat(slowOrNotReady)
                        .as("readiness answers not 200 within a second while Kafka was away")
                        .isEmpty();
                assertThat(last.path("data").path("kafka").asText())
                        .as(last.toString())
                        .startsWith("DOWN");
                assertThat(last.path("data").path("outboxPending").asLong())
                        .as(last.toString())
                        .isGreaterThanOrEqualTo(written.size() - 4L);
                // the relay says "paused" only once a send has failed (after its producer's
                // timeouts): kafka says DOWN sooner
                assertThat(last.path("data").path("relay").asText())
                        .as(last.toString())
                        .matches("(active|paused).*");

                broker.start();
                List<String> evented =
                        TopicReader.keysUntil(
                                broker.bootstrapServers(),
                                "registry.platform.v1",
                                Duration.ofSeconds(60),
                                written.size() + 1);
                assertThat(evented)
                        .as("the backlog published once Kafka is back")
                        .containsAll(written);
                long backAt = System.nanoTime();
                while (events(JSON.readTree(DrillService.get(service, "/q/health/ready").body()))
                                .path("data")
                                .path("outboxPending")
                                .asLong()
                        != 0) {
                    assertThat(Duration.ofNanos(System.nanoTime() - backAt))
                            .as("backlog reported as 0")
                            .isLessThan(Duration.ofSeconds(10));
                    Thread.sleep(200);
                }
                System.out.printf(
                        "Kafka away 15 s: %d writes accepted, every readiness answer 200 within 1 s; the backlog published "
                                + "after the broker's return%n",
                        written.size());
            } finally {
                service.kill();
            }
        } finally {
            broker.close();
        }
    }

    /** The events check of a readiness answer. */
    private static JsonNode events(JsonNode readiness) {
        for (JsonNode check : readiness.path("checks")) {
            if (check.path("name").asText().startsWith("Events")) {
                return check;
            }
        }
        throw new AssertionError("no events check in " + readiness);
    }
}
