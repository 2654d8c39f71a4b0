package org.innoreg.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Sends invalid and hostile requests to every operation of a service's OpenAPI document: hostile
 * path and query values (unicode edge cases, huge strings, SQL and JSON injection, enormous and
 * negative numbers, impossible dates and codes) and, for writes, bodies built from the operation's
 * schema and then broken (a required field removed, an unknown field, wrong types, enum values that
 * do not exist, strings over their limit, malformed or truncated JSON, broken CSV, huge bodies).
 * Values come from jqwik arbitraries driven by a fixed seed, so a failure replays.
 *
 * <p>Every write request carries at least one defect the service must refuse, so any 2xx on a write
 * is a finding. Every answer must be below 500, and every error an RFC 9457 problem without a stack
 * trace.
 */
public final class OpenApiFuzzer {

    /** One request that broke a rule, with what was sent. */
    public record Finding(String request, int status, String contentType, String body) {
        @Override
        public String toString() {
            return request
                    + " → "
                    + status
                    + " "
                    + contentType
                    + " "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    /** What a run did. */
    public record Report(
            int requests, int operations, Map<Integer, Integer> statuses, List<Finding> findings) {}

    private final String baseUrl;
    private final Random random;
    private final ServiceDocument document;
    private final HostileValues hostile;
    private final BrokenBodies bodies;
    private final HostileRequests requests;

    private OpenApiFuzzer(String baseUrl, String documentPath, String token, long seed)
            throws IOException, InterruptedException {
        this.baseUrl = baseUrl;
        this.random = new Random(seed);
        this.document = ServiceDocument.fetch(baseUrl + documentPath);
        this.hostile = new HostileValues(random);
        this.bodies = new BrokenBodies(document, random);
        this.requests = new HostileRequests(token);
    }

    /**
     * Runs about {@code total} requests spread over every operation of the document at {@code
     * documentPath} (writes with {@code token}, so they pass authentication and meet validation).
     */
    public static Report run(
            String baseUrl, String documentPath, String token, int total, long seed)
            throws IOException, InterruptedException {
        OpenApiFuzzer fuzzer = new OpenApiFuzzer(baseUrl, documentPath, token, seed);
        List<ServiceDocument.Operation> operations = fuzzer.operations();
        int perOperation = Math.max(1, total / Math.max(1, operations.size()));
        JqwikSession.start(Long.toString(seed)); // jqwik generators outside a jqwik property
        try {
            for (ServiceDocument.Operation operation : operations) {
                for (int i = 0; i < perOperation; i++) {
                    fuzzer.attack(operation);
                }
            }
            fuzzer.oversizedBody(operations);
        } finally {
            JqwikSession.finish();
        }
        HostileRequests sent = fuzzer.requests;
        return new Report(sent.requests, operations.size(), sent.statuses, sent.findings);
    }

    /**
     * What every service's HostileInputTest checks: about {@code total} hostile requests to the
     * {@link ServiceUnderTest}, no finding, at least 90 % of them sent, and the database and topics
     * as they were. The seed is {@code -Dinnoreg.fuzz.seed}, 20261122 by default.
     */
    public static Report check(String name, String documentPath, int total)
            throws IOException, InterruptedException {
        long seed = Long.getLong("innoreg.fuzz.seed", 20261122L);
        Supplier<String> state = ServiceUnderTest.state();
        String before = ServiceState.stable(state);
        Report report =
                run(ServiceUnderTest.baseUrl(), documentPath, TestTokens.admin(), total, seed);
        System.out.printf(
                "fuzzing (%s, seed %d): %d requests over %d operations, statuses %s%n",
                name, seed, report.requests(), report.operations(), report.statuses());
        assertThat(report.findings()).as("requests answered wrongly").isEmpty();
        assertThat(report.requests()).isGreaterThanOrEqualTo(total * 9 / 10);
        assertThat(ServiceState.stable(state)).as("nothing changed").isEqualTo(before);
        return report;
    }

    private List<ServiceDocument.Operation> operations() {
        List<ServiceDocument.Operation> operations = new ArrayList<>();
        for (ServiceDocument.Operation operation : document.operations()) {
            JsonNode op = operation.node();
            boolean streams = op.path("responses").toString().contains("text/event-stream");
            boolean hasInput = op.has("parameters") || op.has("requestBody");
            // A write with no input at all (a rebuild) has nothing to break; a stream never ends.
            if (!streams && (!operation.write() || hasInput)) {
                operations.add(operation);
            }
        }
        return operations;
    }

    private void attack(ServiceDocument.Operation operation)
            throws IOException, InterruptedException {
        String path = operation.path();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.node().path("parameters")) {
            JsonNode resolved = document.resolve(parameter);
            String name = resolved.path("name").asText();
            switch (resolved.path("in").asText()) {
                case "path" ->
                        path =
                                path.replace(
                                        "{" + name + "}",
                                        encode(
                                                random.nextInt(5) == 0
                                                        ? UUID.randomUUID().toString()
                                                        : hostile.string()));
                case "query" -> {
                    if (name.equals("dryRun")) {
                        // An import is a dry run by default (also for an empty value), and a dry
                        // run rightly answers a broken file with a 200 report: ask for the real
                        // run, which must refuse it.
                        query.add("dryRun=false");
                    } else if (random.nextBoolean()) {
                        query.add(encode(name) + "=" + encode(hostile.string()));
                    }
                }
                case "header" -> {
                    if (random.nextBoolean()) {
                        headers.put(name, headerSafe(hostile.string()));
                    }
                }
                default -> {}
            }
        }
        String url = baseUrl + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        BrokenBodies.Body body = bodies.of(operation.node());
        requests.send(
                operation.method().toUpperCase(),
                url,
                body == null ? null : body.contentType(),
                body == null ? null : body.bytes(),
                headers,
                operation.write());
    }

    /**
     * One body over the 20 MB limit to the first operation that takes one: a 413 problem, read no
     * further.
     */
    private void oversizedBody(List<ServiceDocument.Operation> operations)
            throws IOException, InterruptedException {
        for (ServiceDocument.Operation operation : operations) {
            if (operation.node().has("requestBody")) {
                String path =
                        operation.path().replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                byte[] body = new byte[21 * 1024 * 1024];
                Arrays.fill(body, (byte) ' ');
                requests.send(
                        operation.method().toUpperCase(),
                        baseUrl + path,
                        "application/json",
                        body,
                        Map.of(),
                        true);
                return;
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String headerSafe(String value) {
        StringBuilder safe = new StringBuilder();
        value.codePoints()
                .filter(c -> c >= 0x20 && c < 0x7f)
                .limit(200)
                .forEach(safe::appendCodePoint);
        return safe.isEmpty() ? "x" : safe.toString();
    }
}
