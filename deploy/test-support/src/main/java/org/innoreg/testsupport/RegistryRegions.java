package org.innoreg.testsupport;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;

/**
 * Regions created in the registry, as a service that keeps a read model of them learns them: the
 * registry's {@code org.innoreg.registry.region.created} event on {@code registry.region.v1}, in
 * the form its relay publishes (structured CloudEvent keyed by the code, data = the region's view).
 * For tests of the projects and indicators services, which name regions beyond the registry's seed.
 */
public final class RegistryRegions {

    public static final String TOPIC = "registry.region.v1";

    /** Codes published in this JVM (its broker): publishing one again would change nothing. */
    private static final Set<String> PUBLISHED = ConcurrentHashMap.newKeySet();

    /** A code of Changde's range that names no region of the registry. */
    public static final String NONE = "430799";

    private RegistryRegions() {}

    /**
     * Each of {@code paths} answers a {@code region} filter naming no region with a 400 problem
     * naming the parameter, instead of an empty list that looks like a region without records.
     */
    public static void assertUnknownRegionRefused(String... paths) {
        for (String path : paths) {
            given().queryParam("region", NONE)
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:innoreg:problem:validation"))
                    .body("errors[0].field", equalTo("region"))
                    .body("errors[0].message", equalTo("region " + NONE + " does not exist"));
        }
    }

    /**
     * Publishes the creation of each region not published yet in this JVM, then waits until {@code
     * status} (a request naming the region) answers 200 for each.
     */
    public static void create(
            String bootstrapServers,
            java.util.function.ToIntFunction<String> status,
            String... codes) {
        for (String code : codes) {
            if (PUBLISHED.add(code)) {
                EventWriter.on(bootstrapServers).write(TOPIC, code, event(code));
            }
        }
        for (String code : codes) {
            awaitStatus(() -> status.applyAsInt(code), 200);
        }
    }

    /** Waits (up to 60 s) until {@code status} answers {@code expected}. */
    public static void awaitStatus(IntSupplier status, int expected) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> status.getAsInt() == expected);
    }

    /** The event the registry publishes for a new region: its parent by the code's prefix. */
    public static String event(String code) {
        String parent =
                code.endsWith("0000")
                        ? null
                        : code.endsWith("00")
                                ? code.substring(0, 2) + "0000"
                                : code.substring(0, 4) + "00";
        String level = parent == null ? "PROVINCE" : code.endsWith("00") ? "CITY" : "DISTRICT";
        String now = OffsetDateTime.now().toString();
        String data =
                """
                {"code":"%s","nameZh":"测试地区%s","nameEn":"Test region %s","level":"%s","parentCode":%s,\
                "version":1,"createdAt":"%s","updatedAt":"%s"}"""
                        .formatted(
                                code,
                                code,
                                code,
                                level,
                                parent == null ? "null" : "\"" + parent + "\"",
                                now,
                                now);
        return """
                {"specversion":"1.0","id":"%s","source":"urn:innoreg:registry",\
                "type":"org.innoreg.registry.region.created","subject":"%s","time":"%s",\
                "sequence":"%020d","datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), code, now, 1, data);
    }
}
