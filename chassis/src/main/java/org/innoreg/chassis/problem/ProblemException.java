package org.innoreg.chassis.problem;

import jakarta.ws.rs.WebApplicationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by resources and services to answer with a problem: the one way a service reports a
 * refused request. Build it with the factory for the status, add fields and members as needed. It
 * is a {@link WebApplicationException} so that it also passes unchanged through the framework's
 * parameter conversion (see {@link ParamConverters}).
 */
public class ProblemException extends WebApplicationException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    /**
     * @param slug the problem's type ({@code urn:innoreg:problem:<slug>}, the same in every
     *     language); its title is the text {@code title.<slug>} of {@link Messages}
     * @param detail already in the caller's language: {@code Messages.text(key, args...)}
     */
    public ProblemException(
            int status, String slug, String detail, List<Problem.FieldError> errors) {
        super(detail, status);
        this.status = status;
        this.slug = slug;
        this.title = Messages.text("title." + slug);
        this.errors = errors;
    }

    /**
     * 404: {@code thing} is the key of the kind of record ({@code platform}: text {@code
     * thing.platform}).
     */
    public static ProblemException notFound(String thing, Object id) {
        return new ProblemException(
                404,
                "not-found",
                Messages.text("detail.not-found", Messages.text("thing." + thing), id),
                List.of());
    }

    /** 400 naming one field; {@code message} is a text of {@link Messages}. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(
                400,
                "validation",
                Messages.text("detail.field", field, message),
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException unprocessable(String field, String message) {
        return unprocessable(List.of(new Problem.FieldError(field, message)));
    }

    /** 422 for input that is well-formed but cannot be applied (a missing reference, a rule). */
    public static ProblemException unprocessable(List<Problem.FieldError> errors) {
        return new ProblemException(
                422, "unprocessable", detailOf(errors, "detail.unprocessable-fields"), errors);
    }

    /**
     * The detail of a problem naming fields: the field and its message when there is one, else the
     * text {@code many} with their number.
     */
    static String detailOf(List<Problem.FieldError> errors, String many) {
        return errors.size() == 1
                ? Messages.text("detail.field", errors.get(0).field(), errors.get(0).message())
                : Messages.text(many, errors.size());
    }

    /**
     * 422 for a value that cannot be right (a percentage above 100...): the type names the rule
     * ({@code urn:innoreg:problem:implausible-value}), {@code rule} repeats it as a member, and the
     * record is not stored.
     */
    public static ProblemException implausible(String rule, String field, String message) {
        return new ProblemException(
                        422,
                        "implausible-value",
                        Messages.text("detail.field", field, message),
                        List.of(new Problem.FieldError(field, message)))
                .with("rule", rule);
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, detail, List.of());
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
        return new Problem(
                Problem.TYPE_PREFIX + slug,
                title,
                status,
                getMessage(),
                null,
                errors,
                Map.copyOf(extensions));
    }
}
