package org.innoreg.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private static final int GEN_SIZE = 1000;

    /** quarkus.http.limits.max-initial-line-length in the chassis's defaults. */
    private static final int MAX_REQUEST_LINE = 16 * 1024;

    /** Strings no service should choke on. */
    private static final Arbitrary<String> HOSTILE_STRINGS =
            Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
                    net.jqwik.api.Tuple.of(
                            2,
                            Arbitraries.strings()
                                    .withCharRange('\u0000', '\u001f')
                                    .ofMinLength(1)
                                    .ofMaxLength(8)),
                    net.jqwik.api.Tuple.of(
                            1,
                            Arbitraries.strings().alpha().ofMinLength(5_000).ofMaxLength(70_000)),
                    net.jqwik.api.Tuple.of(
                            3,
                            Arbitraries.of(
                                    "' OR '1'='1",
                                    "'; DROP TABLE platform; --",
                                    "1; SELECT pg_sleep(5)--",
                                    "\" OR \"\"=\"",
                                    "%' AND 1=1 --",
                                    "{\"$gt\":\"\"}",
                                    "\"},{\"admin\":true",
                                    "\\u0000",
                                    "\u0000",
                                    "../../../../etc/passwd",
                                    "%2e%2e%2f",
                                    "${jndi:ldap://x/a}",
                                    "{{7*7}}",
                                    "<script>alert(1)</script>",
                                    "%s%s%s%n",
                                    "\uD800",
                                    "\uDFFF\uD800",
                                    "\uFEFF",
                                    "\u202Eevil",
                                    "𠜎𠜱𠝹",
                                    "🏭🔬",
                                    "０４３０７００",
                                    "NaN",
                                    "-0",
                                    "null",
                                    "true",
                                    "[]",
                                    "{}",
                                    "2019-02-30",
                                    "2019-13-01",
                                    "99999-01-01",
                                    "-0001-01-01",
                                    "2019-1-1",
                                    "yesterday",
                                    "2018-Q5",
                                    "2018-00",
                                    "999999",
                                    "43070",
                                    "4307033",
                                    "430700 ",
                                    " 430700",
                                    "aaaaaa",
                                    "91350100M000100Y44",
                                    "00000000-0000-0000-0000-00000000000g",
                                    "-1",
                                    "0",
                                    "-9223372036854775809",
                                    "9223372036854775808",
                                    "1e400",
                                    "-1e400",
                                    "0x10",
                                    "1,000",
                                    "１２")));

    private static final Arbitrary<String> HOSTILE_NUMBERS =
            Arbitraries.of(
                    "-1",
                    "-0.000001",
                    "0",
                    "1e400",
                    "-1e400",
                    "9223372036854775808",
                    "-9223372036854775809",
                    "123456789012345678901234567890.123456789",
                    "0.0000000000001",
                    "1.7976931348623157E309",
                    "\"NaN\"",
                    "\"Infinity\"",
                    "\"12\"",
                    "true",
                    "[1]",
                    "{}");

    private final String baseUrl;
    private final String token;
    private final Random random;
    private final JsonNode document;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private int requests;

    private OpenApiFuzzer(String baseUrl, String documentPath, String token, long seed)
            throws IOException, InterruptedException {
        this.baseUrl = baseUrl;
        this.token = token;
        this.random = new Random(seed);
        HttpResponse<String> response =
                HTTP.send(
                        HttpRequest.newBuilder(URI.create(baseUrl + documentPath)).build(),
                        HttpResponse.BodyHandlers.ofString());
        this.document = JSON.readTree(response.body());
    }

    /**
     * Runs about {@code total} requests spread over every operation of the document at {@code
     * documentPath} (writes with {@code token}, so they pass authentication and meet validation).
     */
    public static Report run(
            String baseUrl, String documentPath, String token, int total, long seed)
            throws IOException, InterruptedException {
        OpenApiFuzzer fuzzer = new OpenApiFuzzer(baseUrl, documentPath, token, seed);
        List<Map.Entry<String, JsonNode>> operations = fuzzer.operations();
        int perOperation = Math.max(1, total / Math.max(1, operations.size()));
        JqwikSession.start(Long.toString(seed)); // jqwik generators outside a jqwik property
        try {
            for (Map.Entry<String, JsonNode> operation : operations) {
                String[] methodAndPath = operation.getKey().split(" ", 2);
                for (int i = 0; i < perOperation; i++) {
                    fuzzer.attack(methodAndPath[0], methodAndPath[1], operation.getValue());
                }
            }
            fuzzer.oversizedBody(operations);
        } finally {
            JqwikSession.finish();
        }
        return new Report(fuzzer.requests, operations.size(), fuzzer.statuses, fuzzer.findings);
    }

    /**
     * What every service's HostileInputTest checks: about {@code total} hostile requests to the
     * service at {@code baseUrl}, no finding, at least 90 % of them sent, and the database and
     * topics as they were. The seed is {@code -Dinnoreg.fuzz.seed}, 20261122 by default.
     */
    public static Report check(
            String name,
            String baseUrl,
            String documentPath,
            int total,
            DataSource dataSource,
            String bootstrapServers)
            throws IOException, InterruptedException {
        long seed = Long.getLong("innoreg.fuzz.seed", 20261122L);
        java.util.function.Supplier<String> state =
                () ->
                        SecurityMatrix.fingerprint(dataSource, Set.of())
                                + SecurityMatrix.topicOffsets(bootstrapServers);
        String before = SecurityMatrix.stableState(state);
        Report report = run(baseUrl, documentPath, TestTokens.admin(), total, seed);
        System.out.printf(
                "fuzzing (%s, seed %d): %d requests over %d operations, statuses %s%n",
                name, seed, report.requests(), report.operations(), report.statuses());
        assertThat(report.findings()).as("requests answered wrongly").isEmpty();
        assertThat(report.requests()).isGreaterThanOrEqualTo(total * 9 / 10);
        assertThat(SecurityMatrix.stableState(state)).as("nothing changed").isEqualTo(before);
        return report;
    }

    private List<Map.Entry<String, JsonNode>> operations() {
        List<Map.Entry<String, JsonNode>> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = document.path("paths").fields();
                p.hasNext(); ) {
            var path = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields();
                    o.hasNext(); ) {
                var operation = o.next();
                JsonNode op = operation.getValue();
                boolean streams = op.path("responses").toString().contains("text/event-stream");
                boolean hasInput = op.has("parameters") || op.has("requestBody");
                // A write with no input at all (a rebuild) has nothing to break; a stream never
                // ends.
                if (streams || (WRITES.contains(operation.getKey()) && !hasInput)) {
                    continue;
                }
                operations.add(
                        Map.entry(operation.getKey().toUpperCase() + " " + path.getKey(), op));
            }
        }
        return operations;
    }

    private <T> T sample(Arbitrary<T> arbitrary) {
        RandomGenerator<T> generator = arbitrary.generator(GEN_SIZE);
        return generator.next(random).value();
    }

    private void attack(String method, String template, JsonNode operation)
            throws IOException, InterruptedException {
        boolean write = WRITES.contains(method.toLowerCase());
        Map<String, String> headers = new LinkedHashMap<>();
        String path = template;
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : operation.path("parameters")) {
            JsonNode resolved = resolve(parameter);
            String name = resolved.path("name").asText();
            switch (resolved.path("in").asText()) {
                case "path" ->
                        path =
                                path.replace(
                                        "{" + name + "}",
                                        encode(
                                                random.nextInt(5) == 0
                                                        ? UUID.randomUUID().toString()
                                                        : sample(HOSTILE_STRINGS)));
                case "query" -> {
                    if (name.equals("dryRun")) {
                        // An import is a dry run by default (also for an empty value), and a dry
                        // run rightly answers
                        // a broken file with a 200 report: ask for the real run, which must refuse
                        // it.
                        query.add("dryRun=false");
                    } else if (random.nextBoolean()) {
                        query.add(encode(name) + "=" + encode(sample(HOSTILE_STRINGS)));
                    }
                }
                case "header" -> {
                    if (random.nextBoolean()) {
                        headers.put(name, headerSafe(sample(HOSTILE_STRINGS)));
                    }
                }
                default -> {}
            }
        }
        String url = baseUrl + path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        String contentType = null;
        byte[] body = null;
        JsonNode content = operation.path("requestBody").path("content");
        if (content.has("application/json")) {
            contentType = "application/json";
            body = brokenJson(content.path("application/json").path("schema"));
        } else if (content.has(XLSX) && (!content.has("text/csv") || random.nextBoolean())) {
            contentType = XLSX;
            body = brokenWorkbook();
        } else if (content.has("text/csv")) {
            contentType = "text/csv; charset=UTF-8";
            body = brokenCsv();
        }
        send(method, url, contentType, body, headers, write);
    }

    /**
     * A body built from the schema, with one defect the service must refuse and up to three more.
     */
    private byte[] brokenJson(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        JsonNode base = example(resolved, 0);
        int kind = random.nextInt(12);
        switch (kind) {
            case 0:
                return truncated(base.toString());
            case 1:
                return sample(
                                Arbitraries.of(
                                        "[]",
                                        "\"x\"",
                                        "42",
                                        "null",
                                        "true",
                                        "",
                                        " ",
                                        "{",
                                        "}",
                                        "{\"a\":}",
                                        "{'a':1}"))
                        .getBytes(StandardCharsets.UTF_8);
            case 2:
                return ("{\"a\":" + "[".repeat(5_000 + random.nextInt(20_000)) + "]".repeat(10))
                        .getBytes(StandardCharsets.UTF_8);
            case 3:
                return new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', (byte) 0xFF, '}'};
            case 4:
                return (base + "{}").getBytes(StandardCharsets.UTF_8);
            default:
                break;
        }
        if (!(base instanceof ObjectNode object)) {
            return truncated(base.toString());
        }
        List<String> required = new ArrayList<>();
        resolved.path("required").forEach(r -> required.add(r.asText()));
        // The defect that makes the request certainly invalid.
        if (!required.isEmpty() && random.nextBoolean()) {
            object.remove(required.get(random.nextInt(required.size())));
        } else {
            object.set(
                    "unexpected" + random.nextInt(1000), NODES.textNode(sample(HOSTILE_STRINGS)));
        }
        // And some hostile values elsewhere.
        List<String> fields = new ArrayList<>();
        object.fieldNames().forEachRemaining(fields::add);
        for (int i = random.nextInt(4); i > 0 && !fields.isEmpty(); i--) {
            String field = fields.get(random.nextInt(fields.size()));
            JsonNode property = resolve(resolved.path("properties").path(field));
            object.set(field, hostileValue(property));
        }
        if (random.nextInt(40) == 0) {
            object.put("padding", "x".repeat(2_000_000)); // a couple of megabytes
        }
        return object.toString().getBytes(StandardCharsets.UTF_8);
    }

    private JsonNode hostileValue(JsonNode property) {
        String type = property.path("type").asText("");
        return switch (random.nextInt(6)) {
            case 0 -> NODES.textNode(sample(HOSTILE_STRINGS));
            case 1 -> rawNumber(sample(HOSTILE_NUMBERS));
            case 2 -> NODES.objectNode().put("nested", sample(HOSTILE_STRINGS));
            case 3 -> NODES.arrayNode().add(sample(HOSTILE_STRINGS)).add(NODES.nullNode());
            case 4 ->
                    property.has("enum")
                            ? NODES.textNode(
                                    "NOT_" + sample(Arbitraries.strings().alpha().ofLength(6)))
                            : property.has("maxLength")
                                    ? NODES.textNode(
                                            "长"
                                                    .repeat(
                                                            property.path("maxLength").asInt()
                                                                    + 1
                                                                    + random.nextInt(500)))
                                    : NODES.nullNode();
            default ->
                    type.equals("string")
                            ? NODES.textNode(sample(HOSTILE_STRINGS))
                            : NODES.booleanNode(random.nextBoolean());
        };
    }

    private static JsonNode rawNumber(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return NODES.textNode(text);
        }
    }

    private byte[] truncated(String json) {
        int cut = json.isEmpty() ? 0 : random.nextInt(Math.max(1, json.length() - 1));
        return json.substring(0, cut).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Broken CSV: no rows, unterminated quotes, unknown or missing columns, impossible values,
     * binary junk.
     */
    private static final String XLSX =
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * A workbook of invalid rows, or one cut short, damaged, of unknown columns, or junk that
     * starts as a zip does.
     */
    private byte[] brokenWorkbook() {
        // what a cell may hold: no control characters, at most Excel's 32,767 characters
        String cell = sample(HOSTILE_STRINGS).replaceAll("\\p{Cntrl}", "");
        cell = cell.substring(0, Math.min(cell.length(), 32_767));
        byte[] workbook =
                Workbooks.xlsx(
                        List.of(
                                Workbooks.row("名称", "类型", "级别", "地区代码", "认定日期"),
                                Workbooks.row(
                                        cell,
                                        "宇宙飞船",
                                        -1e300,
                                        cell,
                                        java.time.LocalDate.of(1900, 1, 1))),
                        random.nextBoolean());
        switch (random.nextInt(5)) {
            case 0:
                return workbook;
            case 1:
                return java.util.Arrays.copyOf(workbook, random.nextInt(workbook.length));
            case 2:
                byte[] damaged = workbook.clone();
                for (int i = 0; i < 1 + random.nextInt(16); i++) {
                    damaged[4 + random.nextInt(damaged.length - 4)] ^=
                            (byte) (1 + random.nextInt(255));
                }
                return damaged;
            case 3:
                return Workbooks.xlsx(
                        List.of(
                                Workbooks.row(cell.isBlank() ? "colour" : cell, "flavour"),
                                Workbooks.row("x", "y")));
            default:
                byte[] junk = new byte[4 + random.nextInt(4096)];
                random.nextBytes(junk);
                junk[0] = 'P';
                junk[1] = 'K';
                junk[2] = 3;
                junk[3] = 4;
                return junk;
        }
    }

    private byte[] brokenCsv() {
        String cell = sample(HOSTILE_STRINGS).replace("\n", " ");
        String csv =
                switch (random.nextInt(8)) {
                    case 0 -> "";
                    case 1 -> "名称,类型\n";
                    case 2 -> "名称,类型\n\"unterminated," + cell + "\n";
                    case 3 -> "colour,flavour\n" + cell + ",x\n";
                    case 4 -> "名称,类型,级别,地区代码\n" + cell + ",宇宙飞船,银河级," + cell + "\n";
                    case 5 -> "\uFEFF名称;类型;级别\n" + cell + ";" + cell + ";" + cell + "\n";
                    case 6 ->
                            "name,kind,regionCode,plannedInvestment\n"
                                    + cell
                                    + ",INDUSTRIAL_INVESTMENT,430703,-1e400\n";
                    default -> "a,b\n" + "x,".repeat(5_000) + "\n";
                };
        if (random.nextInt(10) == 0) {
            byte[] junk = new byte[1 + random.nextInt(4096)];
            random.nextBytes(junk);
            return junk;
        }
        return csv.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * One body over the 20 MB limit to the first operation that takes one: a 413 problem, read no
     * further.
     */
    private void oversizedBody(List<Map.Entry<String, JsonNode>> operations)
            throws IOException, InterruptedException {
        for (Map.Entry<String, JsonNode> operation : operations) {
            if (operation.getValue().has("requestBody")) {
                String[] methodAndPath = operation.getKey().split(" ", 2);
                String path =
                        methodAndPath[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                byte[] body = new byte[21 * 1024 * 1024];
                java.util.Arrays.fill(body, (byte) ' ');
                send(methodAndPath[0], baseUrl + path, "application/json", body, Map.of(), true);
                return;
            }
        }
    }

    private void send(
            String method,
            String url,
            String contentType,
            byte[] body,
            Map<String, String> headers,
            boolean write)
            throws IOException, InterruptedException {
        String described =
                method
                        + " "
                        + (url.length() > 200 ? url.substring(0, 200) + "…" : url)
                        + (body == null
                                ? ""
                                : " (" + body.length + " bytes of " + contentType + ")");
        HttpRequest.Builder request;
        try {
            request =
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(30))
                            .method(
                                    method,
                                    body == null
                                            ? HttpRequest.BodyPublishers.noBody()
                                            : HttpRequest.BodyPublishers.ofByteArray(body));
        } catch (IllegalArgumentException unsendable) {
            return; // not a URI any HTTP client would send
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(
                (name, value) -> {
                    try {
                        request.header(name, value);
                    } catch (IllegalArgumentException restricted) {
                        // the client refuses to send it; nothing to learn
                    }
                });
        if (write && token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response;
        try {
            response = sendRetryingStaleConnection(request.build(), body);
        } catch (IOException closed) {
            if (body != null && body.length > 20 * 1024 * 1024) {
                requests++;
                statuses.merge(413, 1, Integer::sum); // refused before the whole body was sent
                return;
            }
            requests++;
            findings.add(new Finding(described, -1, "", "connection failed: " + closed));
            return;
        }
        requests++;
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        String type = response.headers().firstValue("Content-Type").orElse("");
        boolean problem =
                type.startsWith("application/problem+json") && isProblem(response.body(), status);
        boolean leaks = response.body().contains("Exception") || response.body().contains("\tat ");
        // A request line over the HTTP codec's limit is refused before any handler runs (an empty
        // 414: the
        // Quarkus HTTP layer offers no hook there, quarkusio/quarkus#55082); anything shorter
        // reaches the app.
        boolean codecRefusal = status == 414 && url.length() > MAX_REQUEST_LINE;
        if (codecRefusal) {
            return;
        }
        if (status >= 500 || (status >= 400 && !problem) || leaks || (write && status < 300)) {
            findings.add(new Finding(described, status, type, response.body()));
        }
    }

    /**
     * Sends a request; one retry when the server had closed the pooled connection before the
     * request got there (it never reached the service, e.g. after the codec closed a connection on
     * a 414).
     */
    private static HttpResponse<String> sendRetryingStaleConnection(
            HttpRequest request, byte[] body) throws IOException, InterruptedException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException stale) {
            if (body != null && body.length > 20 * 1024 * 1024) {
                throw stale;
            }
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static boolean isProblem(String body, int status) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem.path("status").asInt() == status
                    && problem.path("type").asText().startsWith("urn:innoreg:problem:");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A plausible instance of a schema: its example, its first enum value, or a value of its type.
     */
    private JsonNode example(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("example")) {
            return s.get("example").deepCopy();
        }
        if (s.has("enum")) {
            return s.get("enum").get(0).deepCopy();
        }
        if (s.has("allOf") && s.get("allOf").size() > 0) {
            return example(s.get("allOf").get(0), depth);
        }
        if (s.has("anyOf") && s.get("anyOf").size() > 0) {
            // a nullable reference ({"anyOf": [{"$ref": ...}, {"type": "null"}]}): the value, not
            // the null
            return example(s.get("anyOf").get(0), depth);
        }
        String type = s.path("type").asText(s.has("properties") ? "object" : "string");
        if (s.path("type")
                .isArray()) { // OpenAPI 3.1's ["string", "null"]: the first that is not null
            type = "string";
            for (JsonNode one : s.path("type")) {
                if (!one.asText().equals("null")) {
                    type = one.asText();
                    break;
                }
            }
        }
        switch (type) {
            case "object":
                {
                    ObjectNode object = NODES.objectNode();
                    if (depth < 3) {
                        s.path("properties")
                                .fields()
                                .forEachRemaining(
                                        p ->
                                                object.set(
                                                        p.getKey(),
                                                        example(p.getValue(), depth + 1)));
                    }
                    return object;
                }
            case "array":
                {
                    ArrayNode array = NODES.arrayNode();
                    if (depth < 3) {
                        array.add(example(s.path("items"), depth + 1));
                    }
                    return array;
                }
            case "integer":
                return NODES.numberNode(1);
            case "number":
                return NODES.numberNode(1.5);
            case "boolean":
                return NODES.booleanNode(true);
            default:
                return switch (s.path("format").asText()) {
                    case "date" -> NODES.textNode("2019-06-01");
                    case "date-time" -> NODES.textNode("2019-06-01T08:00:00Z");
                    case "uuid" -> NODES.textNode(UUID.randomUUID().toString());
                    default -> NODES.textNode("x");
                };
        }
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            String ref = current.get("$ref").asText();
            current = document.at(ref.substring(1));
        }
        return current;
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
