package org.innoreg.chassis.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;

/**
 * Thrown by resources and services to answer with a problem: the one way a service reports a
 * refused request. Build it with the factory for the status, add fields and members as needed.
 * It is a {@link WebApplicationException} so that it also passes unchanged through the framework's
 * parameter conversion (see {@link ParamConverters}).
 */
public class ProblemException extends WebApplicationException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, status);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", List.of());
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(422, "unprocessable", "Request cannot be applied", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** 422 for input that is well-formed but cannot be applied (a missing reference, a rule). */
    public static ProblemException unprocessable(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields cannot be applied";
        return new ProblemException(422, "unprocessable", "Request cannot be applied", detail, errors);
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail, List.of());
    }

    /** Adds a top-level member to the problem body, e.g. {@code allowed: [...]}. */
    public ProblemException with(String name, Object value) {
        extensions.put(name, value);
        return this;
    }

    /** The fields this problem names (empty when it names none). */
    public List<Problem.FieldError> fieldErrors() {
        return errors == null ? List.of() : errors;
    }

    Problem toProblem() {
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, getMessage(), null, errors, Map.copyOf(extensions));
    }
}
