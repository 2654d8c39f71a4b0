package org.innoreg.clientcheck;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A request a careless or hostile partner sends, and the statuses the services may answer it with.
 * The answer must be an RFC 9457 problem that the document declares for the operation.
 */
record BadRequest(
        String what,
        String method,
        String path,
        Map<String, String> headers,
        String body,
        Set<Integer> expected) {

    static BadRequest get(String what, String path, int... expected) {
        return new BadRequest(what, "GET", path, Map.of(), null, statuses(expected));
    }

    static BadRequest send(String what, String method, String path, String body, int... expected) {
        return new BadRequest(
                what,
                method,
                path,
                Map.of("Content-Type", "application/json"),
                body,
                statuses(expected));
    }

    /** The same request with one more header. */
    BadRequest with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new BadRequest(what, method, path, more, body, expected);
    }

    HttpRequest toHttp(String baseUri) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(baseUri + path))
                        .timeout(Duration.ofSeconds(30))
                        .method(
                                method,
                                body == null
                                        ? HttpRequest.BodyPublishers.noBody()
                                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (!headers.containsKey("Accept")) {
            request.header("Accept", "application/json");
        }
        return request.build();
    }

    private static Set<Integer> statuses(int... expected) {
        return java.util.Arrays.stream(expected)
                .boxed()
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
