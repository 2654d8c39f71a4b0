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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Walks every write operation of a service's own OpenAPI document (POST, PUT, PATCH, DELETE)
 * through every way a caller can be refused, and checks each refusal is the right RFC 9457 problem
 * and changed nothing in the database. An operation the document lists without a {@link Recipe}
 * fails the walk, so a new endpoint cannot be forgotten.
 */
public final class SecurityMatrix {

    /** A way to be refused, with the status and problem type it must give. */
    public enum Case {
        NO_TOKEN(401, "token-missing"),
        GARBAGE(401, "token-malformed"),
        BAD_SIGNATURE(401, "token-bad-signature"),
        EXPIRED(401, "token-expired"),
        WRONG_ISSUER(401, "token-wrong-issuer"),
        WRONG_AUDIENCE(401, "token-wrong-audience"),
        WRONG_ROLE(403, "role-forbidden"),
        OUT_OF_REGION(403, "region-forbidden");

        public final int status;
        public final String problem;

        Case(int status, String problem) {
            this.status = status;
            this.problem = problem;
        }
    }

    /**
     * A request that the right caller could make successfully (valid body, If-Match where needed,
     * on a record in {@code scope}), the role that may make it and one that may not. Without a
     * region, the out-of-region case does not apply.
     */
    public record Recipe(
            String path,
            String contentType,
            String body,
            Map<String, String> headers,
            String role,
            String wrongRole,
            String scope) {

        public static Recipe json(
                String path, String body, String role, String wrongRole, String scope) {
            return new Recipe(path, "application/json", body, Map.of(), role, wrongRole, scope);
        }

        public Recipe header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Recipe(path, contentType, body, more, role, wrongRole, scope);
        }
    }

    /** What a walk did: operations × cases tried. */
    public record Result(int operations, int requests) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private SecurityMatrix() {}

    /**
     * Runs the matrix against {@code baseUrl}; {@code recipes} are keyed by operationId.
     *
     * @param state a fingerprint of everything the requests must not change
     */
    public static Result run(String baseUrl, Map<String, Recipe> recipes, Supplier<String> state)
            throws IOException, InterruptedException {
        Map<String, String[]> operations =
                writeOperations(baseUrl); // operationId → method, path template
        assertThat(recipes.keySet())
                .as("every write operation of the OpenAPI document has a recipe, and no other")
                .containsExactlyInAnyOrderElementsOf(operations.keySet());
        String before = ServiceState.stable(state);
        int requests = 0;
        for (var operation : operations.entrySet()) {
            String method = operation.getValue()[0];
            Recipe recipe = recipes.get(operation.getKey());
            for (Case refusal : Case.values()) {
                if (refusal == Case.OUT_OF_REGION && recipe.scope() == null) {
                    continue;
                }
                HttpResponse<String> response =
                        send(baseUrl, method, recipe, token(refusal, recipe));
                requests++;
                String what =
                        method + " " + recipe.path() + " with " + refusal + ": " + response.body();
                assertThat(response.statusCode()).as(what).isEqualTo(refusal.status);
                assertThat(response.headers().firstValue("Content-Type"))
                        .as(what)
                        .hasValueSatisfying(
                                type -> assertThat(type).startsWith("application/problem+json"));
                JsonNode problem = JSON.readTree(response.body());
                assertThat(problem.path("type").asText())
                        .as(what)
                        .isEqualTo("urn:innoreg:problem:" + refusal.problem);
                assertThat(problem.path("status").asInt()).as(what).isEqualTo(refusal.status);
                assertThat(response.body())
                        .as(what)
                        .doesNotContain("Exception")
                        .doesNotContain("at org.");
                if (refusal.status == 401) {
                    assertThat(response.headers().firstValue("WWW-Authenticate"))
                            .as(what)
                            .isPresent();
                }
            }
            assertThat(state.get())
                    .as("nothing changed after refusing every case of " + operation.getKey())
                    .isEqualTo(before);
        }
        return new Result(operations.size(), requests);
    }

    /** {@link #run} against the {@link ServiceUnderTest}; says how much it walked. */
    public static Result runOnService(String service, Map<String, Recipe> recipes)
            throws IOException, InterruptedException {
        Result result = run(ServiceUnderTest.baseUrl(), recipes, ServiceUnderTest.state());
        System.out.printf(
                "security matrix (%s): %d operations, %d refused requests%n",
                service, result.operations(), result.requests());
        return result;
    }

    private static String token(Case refusal, Recipe recipe) {
        List<String> roles = List.of(recipe.role());
        List<String> regions = recipe.scope() == null ? List.of() : List.of(recipe.scope());
        return switch (refusal) {
            case NO_TOKEN -> null;
            case GARBAGE -> TestTokens.garbage();
            case BAD_SIGNATURE -> TestTokens.badSignature("matrix", roles, regions);
            case EXPIRED -> TestTokens.expired("matrix", roles, regions);
            case WRONG_ISSUER -> TestTokens.wrongIssuer("matrix", roles, regions);
            case WRONG_AUDIENCE -> TestTokens.wrongAudience("matrix", roles, regions);
            case WRONG_ROLE -> TestTokens.token("matrix", List.of(recipe.wrongRole()), regions);
            // Tongzhou's bureau, or Changde's when the record is in Tongzhou.
            case OUT_OF_REGION ->
                    TestTokens.token(
                            "matrix",
                            roles,
                            List.of(recipe.scope().startsWith("11") ? "430700" : "110112"));
        };
    }

    public static HttpResponse<String> send(
            String baseUrl, String method, Recipe recipe, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUrl + recipe.path()))
                        .timeout(Duration.ofSeconds(30))
                        .method(
                                method,
                                recipe.body() == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(
                                                recipe.body(), StandardCharsets.UTF_8));
        if (recipe.body() != null) {
            request.header("Content-Type", recipe.contentType());
        }
        recipe.headers().forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return ServiceDocument.HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The write operations of the service's document: operationId → method, path template. */
    private static Map<String, String[]> writeOperations(String baseUrl)
            throws IOException, InterruptedException {
        Map<String, String[]> operations = new TreeMap<>();
        for (ServiceDocument.Operation operation :
                ServiceDocument.fetch(baseUrl + "/q/openapi?format=json").operations()) {
            if (operation.write()) {
                operations.put(
                        operation.node().path("operationId").asText(),
                        new String[] {operation.method().toUpperCase(), operation.path()});
            }
        }
        return operations;
    }
}
