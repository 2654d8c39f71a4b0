package org.innoreg.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rate limits per client and route class, with small limits and a short window so that the test
 * sees them turn.
 */
@QuarkusTest
@QuarkusTestResource(value = RateLimitTest.SmallLimits.class, restrictToAnnotatedClass = true)
class RateLimitTest {

    static final long WINDOW_MILLIS = 4_000;

    public static class SmallLimits implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of(
                    "innoreg.gateway.rate-limit.window",
                    WINDOW_MILLIS + "ms",
                    "innoreg.gateway.rate-limit.reads",
                    "5",
                    "innoreg.gateway.rate-limit.writes",
                    "2",
                    "innoreg.gateway.rate-limit.imports",
                    "1",
                    "innoreg.gateway.rate-limit.per-address-factor",
                    "2");
        }

        @Override
        public void stop() {}
    }

    @Test
    void pastTheLimitA429WithRetryAfterAndTheRateLimitHeadersThen200AfterTheReset()
            throws Exception {
        freshWindow();
        for (int i = 1; i <= 5; i++) {
            given().get("/api/v1/events?limit=1")
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Limit", "5")
                    .header("RateLimit-Remaining", String.valueOf(5 - i));
        }
        Response refused = given().get("/api/v1/events?limit=1");
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("RateLimit-Limit", "5")
                .header("RateLimit-Remaining", "0")
                .body("type", equalTo("urn:innoreg:problem:rate-limited"))
                .body("status", equalTo(429));
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1, (int) (WINDOW_MILLIS / 1000));
        assertThat(refused.header("RateLimit-Reset")).isEqualTo(refused.header("Retry-After"));

        Thread.sleep(retryAfter * 1000L + 100);
        given().get("/api/v1/events?limit=1")
                .then()
                .statusCode(200)
                .header("RateLimit-Remaining", "4");
    }

    @Test
    void eachTokenSubjectHasItsOwnBudgetUnderItsAddresssCeiling() throws Exception {
        freshWindow();
        // a proxied read (no service behind: 503 until the limit); the gateway's own resources
        // verify tokens and
        // would answer these unsigned ones 401 (once the limiter has let them through)
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", bearer("bureau-430700"))
                    .get("/api/v1/regions")
                    .then()
                    .statusCode(503);
        }
        given().header("Authorization", bearer("bureau-430700"))
                .get("/api/v1/events?limit=1")
                .then()
                .statusCode(429);
        // another client from the same address still has its budget...
        for (int i = 0; i < 5; i++) {
            given().header("Authorization", bearer("bureau-430400"))
                    .get("/api/v1/regions")
                    .then()
                    .statusCode(503);
        }
        // ...but the address has spent its ceiling (2 x 5), whatever token comes next
        given().header("Authorization", bearer("made-up-" + System.nanoTime()))
                .get("/api/v1/events?limit=1")
                .then()
                .statusCode(429)
                .header("RateLimit-Limit", "10");
        // a request without a token counts as its address, apart
        given().get("/api/v1/regions").then().statusCode(503).header("RateLimit-Limit", "5");
    }

    @Test
    void writesAndImportsHaveTheirOwnLimits() throws Exception {
        freshWindow();
        // no service behind (NoLiveServicesResource): 503 until the limit, then 429 before any
        // routing
        given().contentType("application/json")
                .body("{}")
                .post("/api/v1/platforms")
                .then()
                .statusCode(503)
                .header("RateLimit-Limit", "2");
        // the gateway's own problems in Chinese too (issue 15 item 10)
        given().header("Accept-Language", "zh-CN")
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/platforms")
                .then()
                .statusCode(503)
                .header("Content-Language", "zh-CN")
                .body("title", equalTo("服务不可用"))
                .body("type", equalTo("urn:innoreg:problem:service-unavailable"));
        given().header("Accept-Language", "zh-CN")
                .contentType("application/json")
                .body("{}")
                .post("/api/v1/platforms")
                .then()
                .statusCode(429)
                .body("title", equalTo("请求过多"))
                .body("detail", org.hamcrest.Matchers.containsString("写入请求"));
        given().contentType("text/csv")
                .body("a,b\n")
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(503)
                .header("RateLimit-Limit", "1");
        given().contentType("text/csv")
                .body("a,b\n")
                .post("/api/v1/platforms/import")
                .then()
                .statusCode(429)
                .body("detail", org.hamcrest.Matchers.containsString("imports"));
        given().get("/api/v1/events?limit=1").then().statusCode(200);
    }

    @Test
    void theMergedOpenApiDocumentDescribesThe429() {
        given().get("/q/openapi")
                .then()
                .statusCode(200)
                .body(
                        "paths.'/api/v1/events'.get.responses.'429'.'$ref'",
                        equalTo("#/components/responses/TooManyRequests"))
                .body("paths.'/api/v1/search/rebuild'.post.responses", hasKey("429"))
                .body("components.responses.TooManyRequests.headers", hasKey("Retry-After"))
                .body("components.responses.TooManyRequests.headers", hasKey("RateLimit-Remaining"))
                .body("components.headers.'RateLimit-Reset'.schema.type", equalTo("integer"));
    }

    /** Waits for the start of a window, so that a test's requests all fall in one. */
    private static void freshWindow() throws InterruptedException {
        long intoWindow = System.currentTimeMillis() % WINDOW_MILLIS;
        Thread.sleep(WINDOW_MILLIS - intoWindow + 20);
    }

    /**
     * A JWT-shaped bearer token with that subject (unsigned: the gateway reads `sub`, the services
     * verify).
     */
    private static String bearer(String subject) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return "Bearer "
                + base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
                + "."
                + base64.encodeToString(
                        ("{\"sub\":\"" + subject + "\"}").getBytes(StandardCharsets.UTF_8))
                + ".c2ln";
    }
}
