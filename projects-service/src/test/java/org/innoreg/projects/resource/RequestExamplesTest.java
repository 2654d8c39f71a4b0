package org.innoreg.projects.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.net.http.HttpResponse;
import java.util.List;
import org.innoreg.testsupport.RequestExamples;
import org.innoreg.testsupport.RequestExamples.Example;
import org.innoreg.testsupport.TestTokens;
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
        String base = "http://127.0.0.1:" + RestAssured.port;
        List<Example> examples = RequestExamples.of(base + "/q/openapi?format=json");
        assertThat(examples)
                .extracting(Example::name)
                .containsExactlyInAnyOrder(
                        "Shanghai Fosun biomedicine base, phase II (strategic investor)",
                        "Technology-transfer project signed at an achievement-transfer meeting",
                        "One landed project");
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
