package org.innoreg.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sends the fuzzer's requests and judges each answer: below 500, every error an RFC 9457 problem
 * without a stack trace, and no write accepted (each carries a defect). Keeps what a run did: the
 * requests sent, the statuses and the findings.
 */
final class HostileRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** quarkus.http.limits.max-initial-line-length in the chassis's defaults. */
    private static final int MAX_REQUEST_LINE = 16 * 1024;

    private final String token;
    final Map<Integer, Integer> statuses = new TreeMap<>();
    final List<OpenApiFuzzer.Finding> findings = new ArrayList<>();
    int requests;

    /**
     * @param token sent with writes, so that they pass authentication and meet validation
     */
    HostileRequests(String token) {
        this.token = token;
    }

    void send(
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
            findings.add(
                    new OpenApiFuzzer.Finding(described, -1, "", "connection failed: " + closed));
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
        // 414: the Quarkus HTTP layer offers no hook there, quarkusio/quarkus#55082); anything
        // shorter reaches the app.
        boolean codecRefusal = status == 414 && url.length() > MAX_REQUEST_LINE;
        if (codecRefusal) {
            return;
        }
        if (status >= 500 || (status >= 400 && !problem) || leaks || (write && status < 300)) {
            findings.add(new OpenApiFuzzer.Finding(described, status, type, response.body()));
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
            return ServiceDocument.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException stale) {
            if (body != null && body.length > 20 * 1024 * 1024) {
                throw stale;
            }
            return ServiceDocument.HTTP.send(request, HttpResponse.BodyHandlers.ofString());
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
}
