package org.innoreg.registry.drills;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.innoreg.registry.support.Fixtures.platform;
import static org.innoreg.registry.support.Fixtures.unique;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.innoreg.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * R5 and R6 of the fault drills: concurrent writers on one record. Stale If-Match loses (one winner
 * per version, no lost update), and a POST retried with one Idempotency-Key creates one record.
 */
@QuarkusTest
class ConcurrentWritesDrillTest {

    private static final int WRITERS = 100;

    private final String token = "Bearer " + TestTokens.admin();

    private static <T> List<T> concurrently(
            int count, java.util.function.IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(task.apply(i)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private String create(String name) {
        return given().header("Authorization", token)
                .contentType(ContentType.JSON)
                .body(platform(name, "KEY_LABORATORY", "PROVINCIAL", "430703", null))
                .post("/api/v1/platforms")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /**
     * Creates of one platform racing past the duplicate check: one is stored, every other is a 409
     * problem (PostgreSQL's unique key decides), never a 500.
     */
    @Test
    void simultaneousCreatesOfOnePlatformStoreOneAndRefuseTheRestAsDuplicates() throws Exception {
        String name = unique("同时登记实验室");
        List<Integer> statuses =
                concurrently(
                        16,
                        i ->
                                () ->
                                        given().header("Authorization", token)
                                                .contentType(ContentType.JSON)
                                                .body(
                                                        platform(
                                                                name,
                                                                "KEY_LABORATORY",
                                                                "PROVINCIAL",
                                                                "430703",
                                                                null))
                                                .post("/api/v1/platforms")
                                                .then()
                                                .extract()
                                                .statusCode());
        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 201).allMatch(s -> s == 409);
        given().queryParam("q", name)
                .get("/api/v1/platforms")
                .then()
                .body("items.size()", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void aHundredUpdatesWithTheSameStaleEtagHaveExactlyOneWinner() throws Exception {
        String id = create(unique("并发实验室"));
        List<Integer> statuses =
                concurrently(
                        WRITERS,
                        i ->
                                () ->
                                        given().header("Authorization", token)
                                                .header("If-Match", "\"1\"")
                                                .contentType(ContentType.JSON)
                                                .body(
                                                        platform(
                                                                unique("并发实验室改名" + i + "-"),
                                                                "KEY_LABORATORY",
                                                                "PROVINCIAL",
                                                                "430703",
                                                                null))
                                                .put("/api/v1/platforms/" + id)
                                                .then()
                                                .extract()
                                                .statusCode());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s != 200).allMatch(s -> s == 412);
        given().get("/api/v1/platforms/" + id)
                .then()
                .body("version", org.hamcrest.Matchers.equalTo(2));
        given().get("/api/v1/platforms/" + id + "/changes")
                .then()
                .body("items.size()", org.hamcrest.Matchers.equalTo(2));
    }

    @Test
    void aHundredReadModifyWriteLoopsLoseNoUpdate() throws Exception {
        String id = create(unique("读改写实验室"));
        List<Integer> attempts =
                concurrently(
                        WRITERS,
                        i ->
                                () -> {
                                    for (int attempt = 1; ; attempt++) {
                                        String etag =
                                                given().get("/api/v1/platforms/" + id)
                                                        .then()
                                                        .extract()
                                                        .header("ETag");
                                        int status =
                                                given().header("Authorization", token)
                                                        .header("If-Match", etag)
                                                        .contentType(ContentType.JSON)
                                                        .body(
                                                                platform(
                                                                        unique("读改写" + i + "-"),
                                                                        "KEY_LABORATORY",
                                                                        "PROVINCIAL",
                                                                        "430703",
                                                                        null))
                                                        .put("/api/v1/platforms/" + id)
                                                        .then()
                                                        .extract()
                                                        .statusCode();
                                        if (status == 200) {
                                            return attempt;
                                        }
                                        assertThat(status)
                                                .as("a lost race is a 412, nothing else")
                                                .isEqualTo(412);
                                    }
                                });
        assertThat(attempts).hasSize(WRITERS);
        // Every one of the 100 updates is there: version 1 + 100, and 101 audited changes.
        given().get("/api/v1/platforms/" + id)
                .then()
                .body("version", org.hamcrest.Matchers.equalTo(1 + WRITERS));
        given().get("/api/v1/platforms/" + id + "/changes")
                .then()
                .body("items.size()", org.hamcrest.Matchers.equalTo(1 + WRITERS));
        System.out.printf(
                "R5: %d writers, %d attempts in all%n",
                WRITERS, attempts.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void aPostRetriedWithOneIdempotencyKeyCreatesOneRecord() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = unique("幂等孵化器");
        String body = platform(name, "TECH_BUSINESS_INCUBATOR", "MUNICIPAL", "430703", null);
        Map<String, Integer> ids = new ConcurrentHashMap<>();
        List<Integer> statuses =
                concurrently(
                        50,
                        i ->
                                () -> {
                                    var response =
                                            given().header("Authorization", token)
                                                    .header("Idempotency-Key", key)
                                                    .contentType(ContentType.JSON)
                                                    .body(body)
                                                    .post("/api/v1/platforms")
                                                    .then()
                                                    .extract();
                                    if (response.statusCode() == 201) {
                                        ids.merge(response.path("id"), 1, Integer::sum);
                                    }
                                    return response.statusCode();
                                });
        // A retry racing the first request waits for its commit, then gets its response again.
        assertThat(ids).hasSize(1);
        assertThat(statuses).allMatch(s -> s == 201);
        given().queryParam("q", name)
                .get("/api/v1/platforms")
                .then()
                .body("items.size()", org.hamcrest.Matchers.equalTo(1));
    }
}
