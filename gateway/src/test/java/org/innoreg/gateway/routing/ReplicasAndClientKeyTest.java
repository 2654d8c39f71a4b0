package org.innoreg.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The replica rotation and the rate limiter's client key, without a running gateway. */
@Tag("fast")
class ReplicasAndClientKeyTest {

    private final Replicas replicas =
            new Replicas(
                    "registry",
                    List.of(
                            URI.create("http://a:8081"),
                            URI.create("http://b:8081"),
                            URI.create("http://c:8081")),
                    Duration.ofMillis(200));

    @Test
    void replicasTakeTurnsAndOneThatFailedIsOutUntilItsRetryDelay() throws Exception {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            hosts.add(replicas.pick(null).host);
        }
        assertThat(hosts).containsExactly("a", "b", "c", "a", "b", "c");

        Replicas.Replica b = replicas.all().get(1);
        replicas.failed(b);
        for (int i = 0; i < 6; i++) {
            assertThat(replicas.pick(null)).isNotSameAs(b);
        }
        assertThat(replicas.pick(replicas.all().get(0)))
                .as("another than the one that just failed")
                .isNotNull()
                .isNotSameAs(replicas.all().get(0));
        Thread.sleep(300);
        List<Replicas.Replica> after = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            after.add(replicas.pick(null));
        }
        assertThat(after).as("tried again after the delay").contains(b);
    }

    @Test
    void whenAllAreOutTheOneDueBackFirstIsTriedAndASingleReplicaIsAlwaysTried() throws Exception {
        replicas.failed(replicas.all().get(2));
        Thread.sleep(5);
        replicas.failed(replicas.all().get(0));
        replicas.failed(replicas.all().get(1));
        assertThat(replicas.pick(null)).isSameAs(replicas.all().get(2));

        Replicas single =
                new Replicas(
                        "projects", List.of(URI.create("http://p:8082")), Duration.ofSeconds(5));
        single.failed(single.all().get(0));
        assertThat(single.pick(null)).isSameAs(single.all().get(0));
        assertThat(single.pick(single.all().get(0))).as("no other replica to retry on").isNull();
    }

    @Test
    void theClientKeyIsTheBearerTokensSubjectReadWithoutVerifying() {
        assertThat(
                        RateLimiter.subject(
                                bearer(
                                        "{\"sub\":\"bureau-430700\",\"roles\":[\"registry-editor\"]}")))
                .isEqualTo("bureau-430700");
        assertThat(RateLimiter.subject("bearer " + token("{\"sub\":\"x\"}")))
                .as("scheme case-insensitive")
                .isEqualTo("x");
        assertThat(RateLimiter.subject(null)).isNull();
        assertThat(RateLimiter.subject("Basic dXNlcjpwYXNz")).isNull();
        assertThat(RateLimiter.subject("Bearer not-a-jwt")).isNull();
        assertThat(RateLimiter.subject("Bearer a.%%%.c")).as("not base64url").isNull();
        assertThat(RateLimiter.subject(bearer("[1,2]"))).as("not an object").isNull();
        assertThat(RateLimiter.subject(bearer("{\"sub\":42}"))).as("not a string").isNull();
        assertThat(RateLimiter.subject(bearer("{\"sub\":\"" + "s".repeat(300) + "\"}")))
                .as("too long")
                .isNull();
        assertThat(RateLimiter.subject("Bearer " + "a".repeat(9000) + ".b.c"))
                .as("too large a header")
                .isNull();
    }

    private static String bearer(String payload) {
        return "Bearer " + token(payload);
    }

    private static String token(String payload) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
                + "."
                + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                + ".c2ln";
    }
}
