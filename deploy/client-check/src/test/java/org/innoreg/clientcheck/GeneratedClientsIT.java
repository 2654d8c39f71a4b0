package org.innoreg.clientcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innoreg.testsupport.TestTokens;
import org.innoreg.testsupport.suite.Api;
import org.innoreg.testsupport.suite.CatchUp;
import org.innoreg.testsupport.suite.EventContractCheck;
import org.innoreg.testsupport.suite.NodePackages;
import org.innoreg.testsupport.suite.Suite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The contract as partners use it. Against the four services behind the gateway (their packaged
 * applications, own broker and databases, free ports), from the gateway's live {@code /q/openapi}:
 * openapi-generator's Java {@code native}, Java {@code okhttp-gson} and {@code typescript-fetch}
 * clients are generated with no options and compiled unchanged (Maven with their own poms, {@code
 * tsc --strict}); a partner workflow runs with the native client through Prism's validating proxy
 * in {@code --errors} mode, where any violation of the document fails the call; bad requests go
 * through a second Prism that forwards them and reports violations, of which only the request's own
 * may appear; and at the end every event on the topics is checked against {@code /asyncapi.yaml}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedClientsIT {

    private static final Path NODE_SOURCE = Path.of("src/test/node").toAbsolutePath();
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private static final String EDITOR =
            TestTokens.token("partner-check", List.of("registry-editor"), List.of("430700"));

    private static Suite suite;
    private static Path work;
    private static Path document;
    private static Path nodeTools;
    private static PrismProxy strict;
    private static PrismProxy reporting;

    @BeforeAll
    static void startSuiteAndProxies() throws Exception {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        work =
                Path.of(System.getProperty("innoreg.client-check.work", "target/client-check"))
                        .toAbsolutePath()
                        .resolve(stamp);
        Files.createDirectories(work);
        suite = Suite.start("GeneratedClientsIT");
        nodeTools =
                NodePackages.install(
                        NODE_SOURCE,
                        work.getParent().resolve("node"),
                        List.of("package.json", "package-lock.json"));
        document = work.resolve("openapi.json");
        Files.writeString(document, fetch("/q/openapi?format=json"));
        strict =
                PrismProxy.start(
                        nodeTools,
                        document,
                        suite.gateway(""),
                        true,
                        work.resolve("prism-errors.log"));
        reporting =
                PrismProxy.start(
                        nodeTools,
                        document,
                        suite.gateway(""),
                        false,
                        work.resolve("prism-report.log"));
        System.out.println("[client-check] work directory " + work);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {strict, reporting, suite}) {
            if (closeable != null) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    System.err.println("[client-check] could not stop " + closeable + ": " + e);
                }
            }
        }
    }

    @Test
    @Order(1)
    void theJavaNativeClientCompilesAndRunsThePartnerWorkflowThroughPrism() throws Exception {
        Path client =
                ClientGenerator.generate(document, "java", "native", work.resolve("java-native"));
        List<Path> classpath = JavaClientBuild.compile(client);

        List<String> steps =
                PartnerWorkflowRun.run(
                        classpath,
                        work.resolve("partner-classes"),
                        Map.of("baseUri", strict.baseUri(), "token", EDITOR));

        steps.forEach(step -> System.out.println("[client-check] workflow: " + step));
        assertEquals(List.of(), strict.loggedViolations(), "Prism (--errors) over the workflow");
    }

    @Test
    @Order(2)
    void theJavaOkhttpGsonClientCompiles() throws Exception {
        Path client =
                ClientGenerator.generate(
                        document, "java", "okhttp-gson", work.resolve("java-okhttp-gson"));
        JavaClientBuild.compile(client);
    }

    @Test
    @Order(3)
    void theTypescriptFetchClientCompilesWithStrictTsc() throws Exception {
        Path client =
                ClientGenerator.generate(
                        document, "typescript-fetch", null, work.resolve("typescript-fetch"));
        Processes.run(
                List.of(
                        nodeTools.resolve("node_modules/.bin/tsc").toString(),
                        "--noEmit",
                        "--strict",
                        "--skipLibCheck",
                        "--target",
                        "es2019",
                        "--module",
                        "commonjs",
                        "--lib",
                        "es2019,dom",
                        "index.ts"),
                client,
                work.resolve("typescript-fetch-tsc.log"),
                Duration.ofMinutes(3));
    }

    @Test
    @Order(4)
    void badRequestsGetTheProblemsTheDocumentDeclares() throws Exception {
        Api editor = new Api(suite::gateway, EDITOR);
        JsonNode organization =
                editor.post(
                                "/api/v1/organizations",
                                Map.of(
                                        "uscc", "91430702MA4L0YJ01D",
                                        "nameZh", "湖南云锦集团股份有限公司",
                                        "kind", "ENTERPRISE",
                                        "regionCode", "430702"))
                        .expect(201)
                        .json();
        String platform =
                "{\"nameZh\":\"云锦集团院士工作站\",\"type\":\"ACADEMICIAN_WORKSTATION\","
                        + "\"level\":\"PROVINCIAL\",\"regionCode\":\"430702\",\"hostIds\":[\""
                        + organization.path("id").asText()
                        + "\"]}";
        String id =
                Api.JSON
                        .readTree(
                                send(
                                                BadRequest.send(
                                                                "fixture",
                                                                "POST",
                                                                "/api/v1/platforms",
                                                                platform,
                                                                201)
                                                        .with("Authorization", "Bearer " + EDITOR),
                                                strict)
                                        .body())
                        .path("id")
                        .asText();
        String bearer = "Bearer " + EDITOR;
        String elsewhere =
                "Bearer "
                        + TestTokens.token(
                                "other-city", List.of("registry-editor"), List.of("430100"));
        String absent = "00000000-0000-4000-8000-000000000000";
        List<BadRequest> requests =
                List.of(
                        BadRequest.get("unknown platform", "/api/v1/platforms/" + absent, 404),
                        BadRequest.get("malformed id", "/api/v1/platforms/not-a-uuid", 400),
                        BadRequest.get("misspelled filter", "/api/v1/platforms?regoin=430700", 400),
                        BadRequest.get("no such region", "/api/v1/platforms?region=430799", 400),
                        BadRequest.get("limit not a number", "/api/v1/platforms?limit=abc", 400),
                        BadRequest.get("limit too large", "/api/v1/platforms?limit=100000", 400),
                        BadRequest.get("unsupported Accept", "/api/v1/platforms", 406)
                                .with("Accept", "application/xml"),
                        BadRequest.get("expired token", "/api/v1/platforms/" + id, 401)
                                .with(
                                        "Authorization",
                                        "Bearer "
                                                + TestTokens.expired(
                                                        "late",
                                                        List.of("registry-editor"),
                                                        List.of("430700"))),
                        BadRequest.send("no token", "POST", "/api/v1/platforms", platform, 401),
                        BadRequest.send(
                                        "another city's token",
                                        "POST",
                                        "/api/v1/platforms",
                                        platform,
                                        403)
                                .with("Authorization", elsewhere),
                        // Not "{": Prism 5.16 never answers a body it cannot parse as JSON (the
                        // services' HostileInputTest sends those straight to each service).
                        BadRequest.send("empty object", "POST", "/api/v1/platforms", "{}", 400, 422)
                                .with("Authorization", bearer),
                        BadRequest.send("text body", "POST", "/api/v1/platforms", platform, 415)
                                .with("Authorization", bearer)
                                .with("Content-Type", "text/plain"),
                        BadRequest.send(
                                        "update without If-Match",
                                        "PUT",
                                        "/api/v1/platforms/" + id,
                                        platform,
                                        428)
                                .with("Authorization", bearer),
                        BadRequest.send(
                                        "update with a stale If-Match",
                                        "PUT",
                                        "/api/v1/platforms/" + id,
                                        platform,
                                        412)
                                .with("Authorization", bearer)
                                .with("If-Match", "\"99\""),
                        BadRequest.send(
                                        "delete without If-Match",
                                        "DELETE",
                                        "/api/v1/platforms/" + id,
                                        null,
                                        428)
                                .with("Authorization", bearer),
                        BadRequest.get("unknown project", "/api/v1/projects/" + absent, 404),
                        BadRequest.get("unknown stage", "/api/v1/projects?stage=NOPE", 400),
                        BadRequest.get(
                                "no such region's scorecard", "/api/v1/scorecards/430799", 404),
                        BadRequest.get("unknown indicator", "/api/v1/indicators/no_such_code", 404),
                        BadRequest.get("malformed indicator code", "/api/v1/indicators/NOPE", 400),
                        BadRequest.get("search without q", "/api/v1/search", 400),
                        BadRequest.get("negative feed position", "/api/v1/events?after=-1", 400));

        List<String> failures = new ArrayList<>();
        for (BadRequest request : requests) {
            HttpResponse<String> answer = send(request, reporting);
            String violations = answer.headers().firstValue("sl-violations").orElse("[]");
            List<String> responseViolations = new ArrayList<>();
            for (JsonNode violation : Api.JSON.readTree(violations)) {
                if (!"request".equals(violation.path("location").path(0).asText())) {
                    responseViolations.add(violation.toString());
                }
            }
            String contentType = answer.headers().firstValue("Content-Type").orElse("");
            if (!request.expected().contains(answer.statusCode())
                    || !contentType.startsWith("application/problem+json")
                    || !responseViolations.isEmpty()) {
                failures.add(
                        request.what()
                                + ": "
                                + request.method()
                                + " "
                                + request.path()
                                + " answered "
                                + answer.statusCode()
                                + " "
                                + contentType
                                + " (expected "
                                + request.expected()
                                + ")"
                                + (responseViolations.isEmpty()
                                        ? ""
                                        : ", violations of the document: " + responseViolations)
                                + "\n    "
                                + answer.body());
            }
        }
        System.out.printf(
                "[client-check] %d bad requests through Prism, %d answered otherwise than documented%n",
                requests.size(), failures.size());
        assertEquals("", String.join("\n", failures));
    }

    @Test
    @Order(5)
    void everyEventOnTheTopicsKeepsTheAsyncApiContract() throws Exception {
        try (CatchUp catchUp = new CatchUp(suite)) {
            assertEquals("", catchUp.await(Duration.ofSeconds(60)), "outbox or consumers behind");
        }
        EventContractCheck contract = EventContractCheck.of(fetch("/asyncapi.yaml"));
        assertEquals(
                "", String.join("\n", contract.exampleViolations()), "the document's examples");
        EventContractCheck.Report report = contract.check(suite.bootstrapServers());
        System.out.printf(
                "[client-check] %d events checked against the AsyncAPI document: %s%n",
                report.events(), report.eventsByType());
        assertTrue(report.events() > 0, "no event was read");
        assertEquals("", String.join("\n", report.violations()));
    }

    private static HttpResponse<String> send(BadRequest request, PrismProxy through)
            throws IOException, InterruptedException {
        HttpResponse<String> answer =
                HTTP.send(request.toHttp(through.baseUri()), HttpResponse.BodyHandlers.ofString());
        if (request.what().equals("fixture") && !request.expected().contains(answer.statusCode())) {
            throw new AssertionError("fixture " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    private static String fetch(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer =
                HTTP.send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(suite.gateway(path)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        return answer.body();
    }
}
