package org.innoreg.registry.resource;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.nio.file.Files;
import java.nio.file.Path;
import org.innoreg.testsupport.RequestExamples;
import org.innoreg.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The request examples of the document (META-INF/openapi.yaml), sent as Swagger UI's "Try it out"
 * sends them on the demo data: the registrations are created, the imports' dry runs find every row
 * valid.
 */
@QuarkusTest
class RequestExamplesTest {

    @Test
    void everyRequestExampleIsAccepted() throws Exception {
        // as on the suite deploy/run-suite starts: the demo organisations (the files' hosts) are
        // there
        given().header("Authorization", "Bearer " + TestTokens.admin())
                .contentType("text/csv; charset=UTF-8")
                .body(Files.readString(Path.of("..", "deploy", "demo", "organizations.csv")))
                .post("/api/v1/organizations/import?dryRun=false")
                .then()
                .statusCode(200);
        RequestExamples.assertAccepted(
                "http://127.0.0.1:" + RestAssured.port,
                "Yunjin Textile Group academician workstation",
                "Hanshou High-tech Zone technology business incubator",
                "State Key Laboratory of Supramolecular Structure and Materials",
                "Deren Animal Husbandry",
                "Two Changde platforms",
                "One enterprise");
    }
}
