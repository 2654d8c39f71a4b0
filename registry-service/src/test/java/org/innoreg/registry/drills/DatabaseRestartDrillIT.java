package org.innoreg.registry.drills;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.innoreg.testsupport.KafkaBroker;
import org.innoreg.testsupport.PrivatePostgres;
import org.innoreg.testsupport.TopicReader;
import org.innoreg.testsupport.suite.ServiceProcess;
import org.junit.jupiter.api.Test;

/**
 * R3 of the fault drills: the packaged registry runs against a PostgreSQL of the drill's own, which
 * is stopped (fast shutdown, as a restart does) and started again 10 s later. Meanwhile the service
 * reports not-ready and answers reads and writes with 503 problems, never a 500; afterwards it
 * recovers by itself: ready again, writes succeed, and the events of writes before and after the
 * outage reach Kafka.
 */
class DatabaseRestartDrillIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    @Test
    void servicesAnswer503WhileTheDatabaseIsDownAndRecoverByThemselves() throws Exception {
        KafkaBroker broker = KafkaBroker.onFreePorts().start();
        try (PrivatePostgres postgres = PrivatePostgres.create()) {
            postgres.start();
            ServiceProcess service = DrillService.against("database-restart.log", postgres, broker);
            try {
                service.launch().awaitReady(DrillService.READY);
                String before = create(service, "重启演练平台甲");

                postgres.stop();
                long stoppedAt = System.nanoTime();
                Map<Integer, Integer> statuses =
                        new TreeMap<>(); // answers during the outage, by status
                List<String> notProblems = new ArrayList<>();
                long notReadyAfter = -1;
                while (System.nanoTime() - stoppedAt < OUTAGE.toNanos()) {
                    if (notReadyAfter < 0 && service.readiness() == 503) {
                        notReadyAfter = Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis();
                    }
                    for (HttpResponse<String> answer :
                            List.of(
                                    DrillService.get(service, "/api/v1/platforms/" + before),
                                    DrillService.get(service, "/api/v1/platforms?limit=5"),
                                    DrillService.createPlatform(service, "重启演练平台乙"))) {
                        statuses.merge(answer.statusCode(), 1, Integer::sum);
                        if (!answer.headers()
                                .firstValue("Content-Type")
                                .orElse("")
                                .startsWith("application/problem+json")) {
                            notProblems.add(answer.statusCode() + " " + answer.body());
                        }
                    }
                    Thread.sleep(250);
                }
                assertThat(notReadyAfter)
                        .as("readiness reports the database down within a second and a half")
                        .isBetween(0L, 1500L);
                assertThat(statuses.keySet())
                        .as("answers while the database is down")
                        .containsOnly(503);
                assertThat(notProblems).as("answers that are not problems").isEmpty();

                postgres.start();
                long startedAt = System.nanoTime();
                while (service.readiness() != 200) {
                    assertThat(Duration.ofNanos(System.nanoTime() - startedAt))
                            .as("ready again")
                            .isLessThan(Duration.ofSeconds(60));
                    Thread.sleep(100);
                }
                long readyAfter = Duration.ofNanos(System.nanoTime() - startedAt).toMillis();
                // The pool may still hold a connection the restart broke: the first request may
                // meet it (503).
                long writeStarted = System.nanoTime();
                String after = null;
                while (after == null) {
                    HttpResponse<String> answer = DrillService.createPlatform(service, "重启演练平台丙");
                    assertThat(answer.statusCode()).as("a write after the restart").isIn(201, 503);
                    after =
                            answer.statusCode() == 201
                                    ? JSON.readTree(answer.body()).path("id").asText()
                                    : null;
                    assertThat(Duration.ofNanos(System.nanoTime() - writeStarted))
                            .isLessThan(Duration.ofSeconds(30));
                }
                assertThat(DrillService.get(service, "/api/v1/platforms/" + before).statusCode())
                        .isEqualTo(200);
                assertThat(DrillService.get(service, "/api/v1/platforms/" + after).statusCode())
                        .isEqualTo(200);

                List<String> evented =
                        TopicReader.keysUntil(
                                broker.bootstrapServers(),
                                "registry.platform.v1",
                                Duration.ofSeconds(60),
                                2);
                assertThat(evented)
                        .as("events of the writes before and after the outage")
                        .containsExactlyInAnyOrder(before, after);
                System.out.printf(
                        "R3: database down %d s: not ready after %d ms, answers %s (all problems); "
                                + "ready %d ms after the database came back, first write after %d ms%n",
                        OUTAGE.toSeconds(),
                        notReadyAfter,
                        statuses,
                        readyAfter,
                        Duration.ofNanos(System.nanoTime() - startedAt).toMillis());
            } finally {
                service.kill();
            }
        } finally {
            broker.close();
        }
    }

    private static String create(ServiceProcess service, String name) throws Exception {
        HttpResponse<String> answer = DrillService.createPlatform(service, name);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).path("id").asText();
    }
}
