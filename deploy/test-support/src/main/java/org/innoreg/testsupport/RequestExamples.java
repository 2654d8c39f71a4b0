package org.innoreg.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The request examples of a running service's OpenAPI document, sent as Swagger UI's "Try it out"
 * sends them: the first request a clerk or a partner's developer makes, so each must be accepted.
 */
public final class RequestExamples {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RequestExamples() {}

    /**
     * One example of one operation's request body.
     *
     * @param body the example's value as it goes on the wire: JSON for JSON, the text for text
     */
    public record Example(String method, String path, String mediaType, String name, String body) {

        /** Sends the example to the service at {@code baseUrl}, with the query given. */
        public HttpResponse<String> send(String baseUrl, String query, String token)
                throws IOException, InterruptedException {
            HttpRequest request =
                    HttpRequest.newBuilder(URI.create(baseUrl + path + query))
                            .timeout(Duration.ofSeconds(30))
                            .method(
                                    method.toUpperCase(),
                                    HttpRequest.BodyPublishers.ofString(
                                            body, StandardCharsets.UTF_8))
                            .header("Content-Type", mediaType)
                            .header("Authorization", "Bearer " + token)
                            .build();
            return ServiceDocument.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path + " (" + mediaType + ") " + name;
        }
    }

    /**
     * Sends every request example of the service at {@code baseUrl} with an administrator's token,
     * after checking that the document has exactly the examples named: a registration (JSON) must
     * be created (201); a file's import, run dry, must find every row of it valid.
     */
    public static void assertAccepted(String baseUrl, String... names)
            throws IOException, InterruptedException {
        List<Example> examples = of(baseUrl + "/q/openapi?format=json");
        assertThat(examples).extracting(Example::name).containsExactlyInAnyOrder(names);
        for (Example example : examples) {
            boolean json = example.mediaType().equals("application/json");
            HttpResponse<String> answer =
                    example.send(baseUrl, json ? "" : "?dryRun=true", TestTokens.admin());
            assertThat(answer.statusCode())
                    .as(example + ": " + answer.body())
                    .isEqualTo(json ? 201 : 200);
            if (!json) {
                JsonNode report = JSON.readTree(answer.body());
                assertThat(report.path("rows").asInt())
                        .as(example.toString())
                        .isEqualTo(example.body().strip().split("\n").length - 1);
                assertThat(report.path("invalid").asInt())
                        .as(example + ": " + answer.body())
                        .isZero();
            }
        }
    }

    /** Every request example of the document the service serves at {@code documentUrl}. */
    public static List<Example> of(String documentUrl) throws IOException, InterruptedException {
        ServiceDocument document = ServiceDocument.fetch(documentUrl);
        List<Example> examples = new ArrayList<>();
        for (ServiceDocument.Operation operation : document.operations()) {
            JsonNode contents = operation.node().path("requestBody").path("content");
            for (Iterator<Map.Entry<String, JsonNode>> c = contents.fields(); c.hasNext(); ) {
                var content = c.next();
                for (Iterator<Map.Entry<String, JsonNode>> e =
                                content.getValue().path("examples").fields();
                        e.hasNext(); ) {
                    var example = e.next();
                    // a reference to components/examples, where the service's file keeps them
                    JsonNode value = document.resolve(example.getValue()).path("value");
                    examples.add(
                            new Example(
                                    operation.method(),
                                    operation.path(),
                                    content.getKey(),
                                    example.getKey(),
                                    value.isTextual() ? value.asText() : value.toString()));
                }
            }
        }
        return examples;
    }
}
