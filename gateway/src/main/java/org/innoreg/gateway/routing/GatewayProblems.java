package org.innoreg.gateway.routing;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;

/**
 * The gateway's own RFC 9457 answers (limits, rate limits, a service that cannot answer). They are
 * written at the Vert.x level, before any JAX-RS and so without a request scope: the language is
 * negotiated here from this request's {@code Accept-Language}, as chassis {@code HttpErrorProblems}
 * does for the services.
 */
final class GatewayProblems {

    private GatewayProblems() {}

    /** The caller's language; the response says which it is and that it depends on the header. */
    static Locale language(HttpServerRequest request) {
        Locale locale = Messages.negotiate(request.getHeader("Accept-Language"));
        request.response()
                .putHeader("Content-Language", locale.toLanguageTag())
                .putHeader("Vary", "Accept-Language");
        return locale;
    }

    /**
     * A problem of {@code type}, its title and detail ({@code detail.<type>} with the arguments) in
     * that language.
     */
    static JsonObject of(Locale locale, int status, String type, Object... detailArguments) {
        return new JsonObject()
                .put("type", Problem.TYPE_PREFIX + type)
                .put("title", Messages.text(locale, "title." + type))
                .put("status", status)
                .put("detail", Messages.text(locale, "detail." + type, detailArguments));
    }

    /** Sends the problem as the whole answer. */
    static void send(HttpServerResponse response, JsonObject problem) {
        response.setStatusCode(problem.getInteger("status"))
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(problem.encode());
    }

    /**
     * The answer to a request the HTTP codec could not read: its request line over {@code
     * quarkus.http.limits.max-initial-line-length} (414), its header section over {@code
     * quarkus.http.limits.max-header-size} (431), or not HTTP at all (400). Vert.x's own answer has
     * the status and no body; this one says what was too long and by which limit. The connection is
     * closed after it: the codec has given up on the bytes that follow, so nothing more can be read
     * from it.
     */
    static void answerUnreadable(
            HttpServerRequest request, long maxLineBytes, long maxHeaderBytes) {
        Throwable cause = request.decoderResult().cause();
        Locale locale = language(request);
        JsonObject problem;
        if (cause instanceof TooLongHttpLineException) {
            problem = of(locale, 414, "uri-too-long", maxLineBytes);
        } else if (cause instanceof TooLongHttpHeaderException) {
            problem = of(locale, 431, "header-fields-too-large", maxHeaderBytes);
        } else {
            problem = of(locale, 400, "unreadable-request");
        }
        HttpServerResponse response = request.response().putHeader("Connection", "close");
        send(response, problem);
        response.close();
    }
}
