package org.innoreg.projects.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.innoreg.testsupport.OpenApiFuzzer;
import org.junit.jupiter.api.Test;

/**
 * Invalid and hostile requests generated from this service's OpenAPI document (jqwik generators,
 * fixed seed; -Dinnoreg.fuzz.seed=N tries others): never a 5xx, every error an RFC 9457 problem,
 * and nothing changed in the database or on Kafka.
 */
@QuarkusTest
class HostileInputTest {

    @Inject DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void hostileRequestsGetProblemsAndChangeNothing() throws Exception {
        OpenApiFuzzer.check(
                "projects",
                "http://127.0.0.1:" + RestAssured.port,
                "/q/openapi?format=json",
                3000,
                dataSource,
                bootstrapServers);
    }
}
