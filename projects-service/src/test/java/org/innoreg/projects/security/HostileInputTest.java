package org.innoreg.projects.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.testsupport.OpenApiFuzzer;
import org.innoreg.testsupport.SecurityMatrix;
import org.innoreg.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Invalid and hostile requests generated from this service's OpenAPI document (jqwik generators, fixed
 * seed; -Dinnoreg.fuzz.seed=N tries others): never a 5xx, every error an RFC 9457 problem, and nothing
 * changed in the database or on Kafka.
 */
@QuarkusTest
class HostileInputTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void hostileRequestsGetProblemsAndChangeNothing() throws Exception {
        long seed = Long.getLong("innoreg.fuzz.seed", 20261122L);
        String before = SecurityMatrix.stableState(() -> SecurityMatrix.fingerprint(dataSource, Set.of())
                + SecurityMatrix.topicOffsets(bootstrapServers));
        OpenApiFuzzer.Report report = OpenApiFuzzer.run("http://127.0.0.1:" + RestAssured.port, "/q/openapi?format=json",
                TestTokens.admin(), 3000, seed);
        System.out.printf("fuzzing (projects, seed %d): %d requests over %d operations, statuses %s%n", seed,
                report.requests(), report.operations(), report.statuses());
        assertThat(report.findings()).as("requests answered wrongly").isEmpty();
        assertThat(report.requests()).isGreaterThanOrEqualTo(3000 * 9 / 10);
        assertThat(SecurityMatrix.stableState(() -> SecurityMatrix.fingerprint(dataSource, Set.of())
                + SecurityMatrix.topicOffsets(bootstrapServers))).as("nothing changed").isEqualTo(before);
    }
}
