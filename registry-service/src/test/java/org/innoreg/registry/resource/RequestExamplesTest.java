package org.innoreg.registry.resource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.innoreg.testsupport.RequestExamples;
import org.innoreg.testsupport.RequestExamples.Example;
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
        String base = "http://127.0.0.1:" + RestAssured.port;
        // as on the suite deploy/run-suite starts: the demo organizations are there
        given().header("Authorization", "Bearer " + TestTokens.admin())
                .contentType("text/csv; charset=UTF-8")
                .body(Files.readString(Path.of("..", "deploy", "demo", "organizations.csv")))
                .post("/api/v1/organizations/import?dryRun=false")
                .then()
                .statusCode(200);
        List<Example> examples = RequestExamples.of(base + "/q/openapi?format=json");
        assertThat(examples)
                .extracting(Example::name)
                .containsExactlyInAnyOrder(
                        "Yunjin Textile Group academician workstation",
                        "Hanshou High-tech Zone technology business incubator",
                        "State Key Laboratory of Supramolecular Structure and Materials",
                        "Deren Animal Husbandry",
                        "Two Changde platforms",
                        "One enterprise");
        for (Example example : examples) {
            if (example.mediaType().equals("application/json")) {
                HttpResponse<String> answer = example.send(base, "", TestTokens.admin());
                assertThat(answer.statusCode()).as(example + ": " + answer.body()).isEqualTo(201);
            } else {
                HttpResponse<String> answer =
                        example.send(base, "?dryRun=true", TestTokens.admin());
                assertThat(answer.statusCode()).as(example + ": " + answer.body()).isEqualTo(200);
                JsonPath report = JsonPath.from(answer.body());
                assertThat(report.getInt("rows"))
                        .as(example.toString())
                        .isEqualTo(example.body().strip().split("\n").length - 1);
                assertThat(report.getInt("invalid")).as(example + ": " + answer.body()).isZero();
            }
        }
    }
}
