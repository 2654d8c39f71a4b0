package org.innoreg.chassis.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem response: bad input names its fields, nothing ever
 * answers with a stack trace, and an unexpected error is a 500 that only carries an id to find it
 * in the log. What an unreadable JSON body says is {@link JsonProblems}'; what a database failure
 * means, {@link DatabaseFailures}'.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(status(e.kind())), uri);
    }

    /**
     * The HTTP status of each kind of refusal: the one place it is chosen, so that services,
     * repositories and the chassis' non-web code refuse without knowing HTTP (decisions/0003).
     */
    static int status(ProblemException.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case STALE_VERSION -> 412;
            case TOO_LARGE -> 413;
            case UNPROCESSABLE -> 422;
            case VERSION_REQUIRED -> 428;
            case UNAVAILABLE -> 503;
        };
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors =
                e.getConstraintViolations().stream()
                        .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                        .sorted((a, b) -> a.field().compareTo(b.field()))
                        .toList();
        return respond(validation(errors), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonParseException e, UriInfo uri) {
        return respond(JsonProblems.of(e), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return respond(JsonProblems.of(e), uri);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        return respond(JsonProblems.of(e), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // The JSON body reader reports unreadable bodies as a 400 that wraps Jackson's exception.
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(JsonProblems.of(json), uri);
        }
        // A refusal that had to travel as a WebApplicationException (ParamConverters).
        if (e.getCause() instanceof ProblemException refusal) {
            return problem(refusal, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String message = e.getMessage();
        String detail = message == null || message.startsWith("HTTP ") ? null : message;
        String slug = status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
        // The framework's own refusals (404 for an unknown path, 405, 406, 415...): a title for
        // each status
        // it answers, its detail (English, from the framework) only when it says more than the
        // status.
        String title =
                Messages.has("title." + slug)
                        ? Messages.text("title." + slug)
                        : status.getReasonPhrase();
        Response response =
                respond(
                        new Problem(
                                Problem.TYPE_PREFIX + slug,
                                title,
                                status.getStatusCode(),
                                detail,
                                null,
                                List.of(),
                                Map.of()),
                        uri);
        // Keep headers the status relies on (Allow on 405, Retry-After on 503...).
        Response.ResponseBuilder builder = Response.fromResponse(response);
        e.getResponse()
                .getHeaders()
                .forEach(
                        (name, values) -> {
                            if (!name.equalsIgnoreCase("Content-Type")
                                    && !name.equalsIgnoreCase("Content-Length")) {
                                values.forEach(value -> builder.header(name, value));
                            }
                        });
        return builder.build();
    }

    /**
     * Two writers passed the version check at once; the database let one commit (the row's version
     * moved) and this one lost. With If-Match that is a stale ETag (412), without it a conflict
     * (409): either way, read again and retry.
     */
    @ServerExceptionMapper
    public Response lostRace(
            jakarta.persistence.OptimisticLockException e,
            UriInfo uri,
            jakarta.ws.rs.core.HttpHeaders headers) {
        boolean conditional = headers.getHeaderString("If-Match") != null;
        return respond(
                problem(
                        conditional ? "precondition-failed" : "concurrent-change",
                        conditional ? 412 : 409,
                        Messages.text("detail.lost-race")),
                uri);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseFailures.unavailable(e)) {
            LOG.warnf("database unavailable on %s: %s", uri.getPath(), e.toString());
            return Response.fromResponse(
                            respond(
                                    problem(
                                            "unavailable",
                                            503,
                                            Messages.text("detail.database-unavailable")),
                                    uri))
                    .header("Retry-After", "5")
                    .build();
        }
        if (String.valueOf(e.getMessage()).startsWith("SRJWT")) {
            // No usable verification key (mp.jwt.verify.publickey.location): the service cannot
            // check tokens.
            LOG.errorf("token verification is not configured: %s", e.getMessage());
            return respond(
                    problem(
                            "authentication-unavailable",
                            503,
                            Messages.text("detail.authentication-unavailable")),
                    uri);
        }
        if (DatabaseFailures.duplicateKey(e)) {
            // the transaction rolled back: this request changed nothing, the other one stands
            LOG.infof("concurrent duplicate on %s: %s", uri.getPath(), e.toString());
            return respond(
                    problem("duplicate", 409, Messages.text("detail.concurrent-duplicate")), uri);
        }
        String unstorable = DatabaseFailures.unstorableValue(e);
        if (unstorable != null) {
            // PostgreSQL refused a value the request carried (class 22, data exception); the
            // transaction
            // rolled back, so nothing changed.
            return respond(problem("unstorable-value", 400, unstorable), uri);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", errorId, uri.getPath());
        return respond(
                new Problem(
                        Problem.TYPE_PREFIX + "internal",
                        Messages.text("title.internal"),
                        500,
                        Messages.text("detail.internal", errorId),
                        null,
                        List.of(),
                        Map.of("errorId", errorId)),
                uri);
    }

    public static Problem validation(List<Problem.FieldError> errors) {
        String detail = ProblemException.detailOf(errors, "detail.invalid-fields");
        return new Problem(
                Problem.TYPE_PREFIX + "validation",
                Messages.text("title.validation"),
                400,
                detail,
                null,
                errors,
                Map.of());
    }

    /** A problem without fields, its title the text {@code title.<slug>}. */
    public static Problem problem(String slug, int status, String detail) {
        return new Problem(
                Problem.TYPE_PREFIX + slug,
                Messages.text("title." + slug),
                status,
                detail,
                null,
                List.of(),
                Map.of());
    }

    static Response respond(Problem problem, UriInfo uri) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.withInstance(uri == null ? null : uri.getPath()))
                .build();
    }

    /** "create.body.names[0].zh" becomes "names[0].zh"; a query parameter keeps its own name. */
    public static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD
                    || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getName() == null) {
                continue;
            }
            if (field.length() > 0 && !node.getName().startsWith("[")) {
                field.append('.');
            }
            field.append(node.getName());
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
        }
        if (field.length() > 0) {
            return field.toString();
        }
        return parameter != null ? parameter : violation.getPropertyPath().toString();
    }
}
