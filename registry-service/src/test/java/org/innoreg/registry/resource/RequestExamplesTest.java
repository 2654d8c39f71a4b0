package org.innoreg.registry.resource;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.List;
import org.innoreg.testsupport.RequestExamples;
import org.innoreg.testsupport.RequestExamples.Example;
import org.innoreg.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * The request examples of the document (META-INF/openapi.yaml), sent as Swagger UI's "Try it out"
 * sends them: the registrations are created, the imports' dry runs find every row valid.
 */
@QuarkusTest
class RequestExamplesTest {

    @Test
    void everyRequestExampleIsAccepted() throws Exception {
        String base = "http://127.0.0.1:" + RestAssured.port;
        List<Example> examples =
                RequestExamples.of(base + "/q/openapi?format=json").stream()
                        // registrations first: the platforms' file names the organisation's USCC
                        .sorted(
                                Comparator.comparing(
                                        e -> !e.mediaType().equals("application/json")))
                        .toList();
        assertThat(examples)
                .extracting(Example::name)
                .containsExactlyInAnyOrder(
                        "Yunjin Textile Group academician workstation",
                        "Changde ED Zone national technology business incubator",
                        "National Key Laboratory of Polymer Science and Technology",
                        "Jinjian Cereals",
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
