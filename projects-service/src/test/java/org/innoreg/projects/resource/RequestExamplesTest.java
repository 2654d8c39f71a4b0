package org.innoreg.projects.resource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.innoreg.testsupport.RequestExamples;
import org.junit.jupiter.api.Test;

/**
 * The request examples of the document (META-INF/openapi.yaml), sent as Swagger UI's "Try it out"
 * sends them: the projects are registered, the import's dry run finds every row valid. They are
 * named apart from the demo projects (which ProjectStatsTest imports), as on the suite
 * deploy/run-suite starts.
 */
@QuarkusTest
class RequestExamplesTest {

    @Test
    void everyRequestExampleIsAccepted() throws Exception {
        RequestExamples.assertAccepted(
                "http://127.0.0.1:" + RestAssured.port,
                "Shanghai Fosun biomedicine base, phase II (strategic investor)",
                "Technology-transfer project signed at an achievement-transfer meeting",
                "One landed project");
    }
}
