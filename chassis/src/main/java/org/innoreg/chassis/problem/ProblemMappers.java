package org.innoreg.chassis.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.innoreg.chassis.labels.Labelled;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 problem response: bad input names its fields, nothing ever
 * answers with a stack trace, and an unexpected error is a 500 that only carries an id to find it
 * in the log.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(e.toProblem(), uri);
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
        String detail =
                e.getLocation() == null
                        ? Messages.text("detail.malformed-json")
                        : Messages.text(
                                "detail.malformed-json-at",
                                e.getLocation().getLineNr(),
                                e.getLocation().getColumnNr());
        return respond(problem("malformed-json", 400, detail), uri);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        return respond(validation(List.of(new Problem.FieldError(jsonPath(e), describe(e)))), uri);
    }

    @ServerExceptionMapper
    public Response otherJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : "body";
        return respond(
                validation(
                        List.of(new Problem.FieldError(field, Messages.text("field.unreadable")))),
                uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        // The JSON body reader reports unreadable bodies as a 400 that wraps Jackson's exception.
        if (e.getCause() instanceof JsonParseException parse) {
            return unreadableJson(parse, uri);
        }
        if (e.getCause() instanceof MismatchedInputException mismatch) {
            return mismatchedJson(mismatch, uri);
        }
        if (e.getCause() instanceof JsonProcessingException other) {
            return otherJson(other, uri);
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
        if (isDatabaseUnavailable(e)) {
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
        String unstorable = unstorableValue(e);
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
        String detail =
                errors.size() == 1
                        ? Messages.text(
                                "detail.field", errors.get(0).field(), errors.get(0).message())
                        : Messages.text("detail.invalid-fields", errors.size());
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

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.length() == 0 ? "body" : path.toString();
    }

    private static String describe(MismatchedInputException e) {
        Class<?> target = e.getTargetType();
        if (e instanceof UnrecognizedPropertyException) {
            return Messages.text("field.unknown");
        }
        if (target != null && target.isEnum()) {
            return Messages.text("field.one-of", Labelled.choices(target));
        }
        if (e instanceof InvalidFormatException invalid) {
            return Messages.text(
                    "field.not-a", invalid.getValue(), Messages.text("type." + simpleName(target)));
        }
        if (target != null) {
            return Messages.text("field.must-be-a", Messages.text("type." + simpleName(target)));
        }
        return Messages.text("field.unreadable");
    }

    private static String simpleName(Class<?> type) {
        if (type == null) {
            return "value";
        }
        return switch (type.getSimpleName()) {
            case "BigDecimal", "Double", "double", "Float", "float" -> "number";
            case "Integer", "int", "Long", "long", "Short", "short" -> "whole-number";
            case "LocalDate" -> "date";
            case "OffsetDateTime", "Instant" -> "timestamp";
            case "Boolean", "boolean" -> "boolean";
            case "String" -> "string";
            case "UUID" -> "uuid";
            default -> type.getSimpleName().endsWith("List") || type.isArray() ? "list" : "object";
        };
    }

    private static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            // 08: connection exception; 57P01-03: the server is shutting down, crashed or still
            // starting up
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")
                            || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getClass()
                    .getName()
                    .equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
            if (cause.getClass().getName().equals("io.agroal.pool.ConnectionPoolException")
                    || (cause instanceof SQLException
                            && String.valueOf(cause.getMessage())
                                    .contains("Acquisition timeout"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * What was wrong with a value PostgreSQL refused to store or compare, or null for other errors.
     */
    private static String unstorableValue(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return Messages.text(
                        switch (sql.getSQLState()) {
                            case "22021", "22P05" -> "detail.unstorable-text";
                            case "22003" -> "detail.unstorable-number";
                            case "22001" -> "detail.unstorable-length";
                            case "22007", "22008" -> "detail.unstorable-date";
                            default -> "detail.unstorable";
                        });
            }
        }
        return null;
    }
}
