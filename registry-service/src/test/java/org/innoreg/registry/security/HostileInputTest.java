package org.innoreg.registry.security;

import io.quarkus.test.junit.QuarkusTest;
import org.innoreg.testsupport.OpenApiFuzzer;
import org.junit.jupiter.api.Test;

/**
 * Invalid and hostile requests generated from this service's OpenAPI document (jqwik generators,
 * fixed seed; -Dinnoreg.fuzz.seed=N tries others): never a 5xx, every error an RFC 9457 problem,
 * and nothing changed in the database or on Kafka.
 */
@QuarkusTest
class HostileInputTest {

    @Test
    void hostileRequestsGetProblemsAndChangeNothing() throws Exception {
        OpenApiFuzzer.check("registry", "/q/openapi?format=json", 3000);
    }
}
