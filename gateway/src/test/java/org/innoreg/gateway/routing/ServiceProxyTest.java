package org.innoreg.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Routing against real HTTP servers standing in for the services. */
@QuarkusTest
@QuarkusTestResource(value = EchoServicesResource.class, restrictToAnnotatedClass = true)
class ServiceProxyTest {

    @ConfigProperty(
            name = "test.indicators.port",
            defaultValue = "0") // set by EchoServicesResource
    int indicatorsPort;

    @Test
    void everyMethodPassesThroughWithItsQueryHeadersAndBody() {
        for (String method : new String[] {"GET", "POST", "PUT", "PATCH"}) {
            given().contentType(ContentType.JSON)
                    .header("Authorization", "Bearer abc.def.ghi")
                    .header("If-Match", "\"3\"")
                    .header("Idempotency-Key", "k-1")
                    .body("{\"nameZh\":\"云锦集团院士工作站\"}")
                    .request(method, "/api/v1/platforms/42?type=KEY_LABORATORY&region=430700")
                    .then()
                    .statusCode(200)
                    .header("ETag", "\"7\"")
                    .header("X-Request-Id", notNullValue())
                    .body("method", equalTo(method))
                    .body("path", equalTo("/api/v1/platforms/42"))
                    .body("query", equalTo("type=KEY_LABORATORY&region=430700"))
                    .body("headers.authorization", equalTo("Bearer abc.def.ghi"))
                    .body("headers.if-match", equalTo("\"3\""))
                    .body("headers.idempotency-key", equalTo("k-1"))
                    .body(
                            "bodyBytes",
                            equalTo(
                                    "{\"nameZh\":\"云锦集团院士工作站\"}"
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)
                                            .length));
        }
        given().delete("/api/v1/projects/9").then().statusCode(204);
    }

    @Inject Vertx vertx;

    @Test
    void forwardsOnTheNativeTransportWhereThereIsOne() {
        // the gateway ships Netty's epoll library for Linux x86-64 (decisions/0001); a missing or
        // mismatched one would fall back to NIO silently but for a log line
        assumeTrue(
                System.getProperty("os.name").equals("Linux")
                        && System.getProperty("os.arch").equals("amd64"));
        assertThat(vertx.isNativeTransportEnabled())
                .as("native transport (%s)", vertx.unavailableNativeTransportCause())
                .isTrue();
    }

    @Test
    void requestIdIsKeptOrSet() {
        given().header("X-Request-Id", "bureau-123")
                .get("/api/v1/regions")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "bureau-123")
                .body("headers.x-request-id", equalTo("bureau-123"));
        String id =
                given().get("/api/v1/organizations")
                        .then()
                        .statusCode(200)
                        .extract()
                        .header("X-Request-Id");
        assertThat(id).isNotBlank();
    }

    @Test
    void largeBodiesStreamThrough() {
        byte[] body = new byte[8 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        given().contentType("text/csv")
                .body(body)
                .post("/api/v1/platforms/import?dryRun=true")
                .then()
                .statusCode(200)
                .body("bodyBytes", equalTo(body.length));
    }

    @Test
    void aServiceThatIsDownIsAFast503AndRecoversWithoutRestart() throws Exception {
        given().get("/api/v1/indicators")
                .then()
                .time(lessThan(3000L), TimeUnit.MILLISECONDS)
                .statusCode(503)
                .contentType("application/problem+json")
                .body("service", equalTo("indicators"))
                .header("Retry-After", "5");
        HttpServer indicators = EchoServicesResource.start(indicatorsPort);
        try {
            given().get("/api/v1/indicators/gdp")
                    .then()
                    .statusCode(200)
                    .body("path", equalTo("/api/v1/indicators/gdp"));
            given().get("/api/v1/targets").then().statusCode(200);
        } finally {
            indicators.stop(0);
        }
    }

    @Test
    void readinessReportsEachServiceBehindTheGateway() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body(
                        "checks.find { it.name == 'Services behind the gateway' }.data.indicators",
                        org.hamcrest.Matchers.startsWith("DOWN"))
                .body("checks.find { it.name.startsWith('Events') }.status", equalTo("UP"))
                .body("checks.find { it.name.startsWith('Events') }.data.relay", notNullValue());
    }

    @Test
    void aServiceTooSlowIsA504() {
        given().get("/api/v1/projects/slow")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .body("service", equalTo("projects"));
    }

    @Test
    void theGatewaysOwnPathsAreNotRouted() {
        given().get("/api/v1/events?limit=1").then().statusCode(200).body("items", notNullValue());
        given().get("/api/v1/regionsX").then().statusCode(404);
    }
}
