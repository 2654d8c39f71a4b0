package org.innoreg.chassis.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by services, the chassis and resources alike to refuse a request: the one way code says
 * "no". It knows nothing of HTTP: it says what {@link Kind} of refusal it is, which problem type
 * ({@code slug}), a detail in the caller's language, the offending fields and any further members;
 * {@link ProblemMappers#status} is the one place that gives each kind its HTTP status
 * (decisions/0003). Build it with the factory for the kind, add members as needed.
 */
public class ProblemException extends RuntimeException {

    /** What kind of refusal this is; the web layer decides what each means in HTTP. */
    public enum Kind {
        /** The input is malformed or a value is out of its domain. */
        INVALID,
        /** The caller may not do this (outside its regions, not an administrator). */
        FORBIDDEN,
        /** There is no such record. */
        NOT_FOUND,
        /** The request contradicts the current state (a duplicate, an illegal transition). */
        CONFLICT,
        /** A change of a versioned record came without the version it was based on. */
        VERSION_REQUIRED,
        /** The version the change was based on is no longer the current one. */
        STALE_VERSION,
        /** The request carries more than is accepted (rows, bytes). */
        TOO_LARGE,
        /** Well-formed input that cannot be applied (a missing reference, a rule it breaks). */
        UNPROCESSABLE,
        /** Something the request needs is away for now; trying again later may work. */
        UNAVAILABLE
    }

    private final Kind kind;
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
            Kind kind, String slug, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.kind = kind;
        this.slug = slug;
        this.title = Messages.text("title." + slug);
        this.errors = errors;
    }

    /**
     * No such record: {@code thing} is the key of the kind of record ({@code platform}: text {@code
     * thing.platform}).
     */
    public static ProblemException notFound(String thing, Object id) {
        return new ProblemException(
                Kind.NOT_FOUND,
                "not-found",
                Messages.text("detail.not-found", Messages.text("thing." + thing), id),
                List.of());
    }

    /** Invalid input naming one field; {@code message} is a text of {@link Messages}. */
    public static ProblemException invalid(String field, String message) {
        return new ProblemException(
                Kind.INVALID,
                "validation",
                Messages.text("detail.field", field, message),
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException unprocessable(String field, String message) {
        return unprocessable(List.of(new Problem.FieldError(field, message)));
    }

    /** Input that is well-formed but cannot be applied (a missing reference, a rule). */
    public static ProblemException unprocessable(List<Problem.FieldError> errors) {
        return new ProblemException(
                Kind.UNPROCESSABLE,
                "unprocessable",
                detailOf(errors, "detail.unprocessable-fields"),
                errors);
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
     * A value that cannot be right (a percentage above 100...): the type names the rule ({@code
     * urn:innoreg:problem:implausible-value}), {@code rule} repeats it as a member, and the record
     * is not stored.
     */
    public static ProblemException implausible(String rule, String field, String message) {
        return new ProblemException(
                        Kind.UNPROCESSABLE,
                        "implausible-value",
                        Messages.text("detail.field", field, message),
                        List.of(new Problem.FieldError(field, message)))
                .with("rule", rule);
    }

    /** The request contradicts the current state; {@code slug} says how. */
    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(Kind.CONFLICT, slug, detail, List.of());
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

    public Kind kind() {
        return kind;
    }

    /** The problem body, with the status the web layer gives this kind. */
    Problem toProblem(int status) {
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
