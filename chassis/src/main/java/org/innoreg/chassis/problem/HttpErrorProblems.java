package org.innoreg.chassis.problem;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A request whose declared body is over the service's limit is refused with a 413 problem before
 * the body is read. (The HTTP server's own, higher limit stays as the backstop for bodies of
 * unknown length; it answers 413 without a body.)
 */
@ApplicationScoped
public class HttpErrorProblems {

    private final long maxBodyBytes;

    HttpErrorProblems(
            @ConfigProperty(name = "innoreg.http.max-body-bytes", defaultValue = "20971520")
                    long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::checkDeclaredLength);
    }

    private void checkDeclaredLength(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && isOver(length)) {
            // Before JAX-RS: no request scope yet, so the language is negotiated from this
            // request's header.
            Locale locale = Messages.negotiate(context.request().getHeader("Accept-Language"));
            JsonObject problem =
                    new JsonObject()
                            .put("type", Problem.TYPE_PREFIX + "payload-too-large")
                            .put("title", Messages.text(locale, "title.payload-too-large"))
                            .put("status", 413)
                            .put(
                                    "detail",
                                    Messages.text(
                                            locale,
                                            "detail.payload-too-large",
                                            maxBodyBytes / (1024 * 1024)))
                            .put("instance", context.request().path());
            context.response()
                    .setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Content-Language", locale.toLanguageTag())
                    .putHeader("Vary", "Accept-Language")
                    .putHeader("Connection", "close")
                    .end(problem.encode());
            return;
        }
        context.next();
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.strip()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // the HTTP server refuses a malformed length itself
        }
    }
}
