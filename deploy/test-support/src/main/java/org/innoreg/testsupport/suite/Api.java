package org.innoreg.testsupport.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Function;

/**
 * A small JSON client of one base URL (the gateway), with a bearer token on every request when
 * given.
 */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();

    private final Function<String, String> urls;
    private final String token;
    private final Duration timeout;

    /**
     * @param urls turns a path into the full URL, e.g. {@code suite::gateway}
     */
    public Api(Function<String, String> urls, String token) {
        this(urls, token, Duration.ofSeconds(60));
    }

    private Api(Function<String, String> urls, String token, Duration timeout) {
        this.urls = urls;
        this.token = token;
        this.timeout = timeout;
    }

    /** The same base without a token: an anonymous caller. */
    public Api anonymous() {
        return new Api(urls, null, timeout);
    }

    /**
     * The same caller giving up on an answer after {@code timeout} (a drill's client, not a patient
     * test).
     */
    public Api timeout(Duration timeout) {
        return new Api(urls, token, timeout);
    }

    /** A response: status, body, and its ETag. */
    public record Reply(String method, String path, int status, String body, String etag) {

        public JsonNode json() {
            try {
                return body == null || body.isBlank()
                        ? MissingNode.getInstance()
                        : JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** {@code "3"} → 3 (an ETag is the quoted version), or -1. */
        public long version() {
            if (etag == null) {
                return -1;
            }
            String digits = etag.replaceAll("[^0-9]", "");
            return digits.isEmpty() ? -1 : Long.parseLong(digits);
        }

        /** Fails unless the status is one of {@code expected}. */
        public Reply expect(int... expected) {
            for (int status : expected) {
                if (this.status == status) {
                    return this;
                }
            }
            throw new AssertionError(describe());
        }

        public String describe() {
            String shown =
                    body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
            return method + " " + path + " → " + status + " " + shown;
        }
    }

    public Reply get(String path) {
        return send("GET", path, HttpRequest.BodyPublishers.noBody(), null, null);
    }

    public Reply post(String path, Object json) {
        return send("POST", path, body(json), "application/json", null);
    }

    public Reply postCsv(String path, String csv) {
        return send(
                "POST",
                path,
                HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8),
                "text/csv; charset=UTF-8",
                null);
    }

    public Reply put(String path, Object json, String ifMatch) {
        return send("PUT", path, body(json), "application/json", ifMatch);
    }

    public Reply delete(String path, String ifMatch) {
        return send("DELETE", path, HttpRequest.BodyPublishers.noBody(), null, ifMatch);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpRequest.BodyPublisher body(Object json) {
        try {
            return HttpRequest.BodyPublishers.ofString(
                    json instanceof String s ? s : JSON.writeValueAsString(json),
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Reply send(
            String method,
            String path,
            HttpRequest.BodyPublisher body,
            String contentType,
            String ifMatch) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(urls.apply(path)))
                        .timeout(timeout)
                        .method(method, body)
                        .header(
                                "Accept",
                                "application/json, application/problem+json;q=0.9, */*;q=0.1");
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response =
                    HTTP.send(
                            request.build(),
                            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(
                    method,
                    path,
                    response.statusCode(),
                    response.body(),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
