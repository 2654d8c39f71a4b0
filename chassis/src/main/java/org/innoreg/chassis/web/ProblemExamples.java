package org.innoreg.chassis.web;

import jakarta.ws.rs.core.Response;
import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.innoreg.chassis.problem.Problem;

/**
 * The example of a problem response: the problem the service answers with for that status on that
 * operation, in English (the default language), from the same texts it answers with, its {@code
 * instance} the operation's path with example values.
 */
final class ProblemExamples {

    private static final String EXAMPLE_UUID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

    /** What a problem example of an operation says: its path, and the query parameters it takes. */
    record Context(String path, String instance, List<String> queryParameters) {

        static Context of(String path, List<Parameter> parameters) {
            return new Context(
                    path,
                    ProblemExamples.instance(path, parameters),
                    parameters.stream()
                            .filter(p -> p.getIn() == Parameter.In.QUERY)
                            .map(Parameter::getName)
                            .sorted()
                            .toList());
        }
    }

    private ProblemExamples() {}

    static Map<String, Object> example(String status, Context context) {
        ProblemResponses.Standard standard = ProblemResponses.standard(status);
        String slug =
                standard != null
                        ? standard.slug()
                        : switch (status) {
                            case "409" -> "duplicate";
                            case "429" -> "rate-limited";
                            default -> "bad-request";
                        };
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", Problem.TYPE_PREFIX + slug);
        example.put("title", title(slug, status));
        example.put("status", Integer.parseInt(status));
        String detail = null;
        List<Map<String, String>> errors = null;
        switch (status) {
            case "400" -> {
                // every operation refuses a query parameter it does not take: the example is the
                // misspelt region
                String message =
                        context.queryParameters().isEmpty()
                                ? text("field.no-query-parameters")
                                : text(
                                        "field.unknown-query-parameter",
                                        String.join(", ", context.queryParameters()));
                detail = text("detail.field", "regoin", message);
                // in the order the service writes a FieldError; Map.of's order changes from one
                // JVM to the next, and the document with it
                Map<String, String> error = new LinkedHashMap<>();
                error.put("field", "regoin");
                error.put("message", message);
                errors = List.of(error);
            }
            case "404" -> {
                String[] segments =
                        context.path().substring(context.path().indexOf("/v1/") + 4).split("/");
                String id = context.instance().substring(context.instance().lastIndexOf('/') + 1);
                detail = text("detail.not-found", OperationIds.singular(segments[0]), id);
            }
            case "412" -> detail = text("detail.precondition-failed", "4");
            case "428" -> detail = text("detail.precondition-required");
            case "401" -> detail = text("detail.token-missing");
            case "403" -> detail = text("detail.role-forbidden");
            case "413" -> detail = text("detail.payload-too-large", 20);
            case "503" -> detail = text("detail.database-unavailable");
            default -> {}
        }
        if (detail != null) {
            example.put("detail", detail);
        }
        example.put(
                "instance", context.instance() + ("400".equals(status) ? "?regoin=430700" : ""));
        if (errors != null) {
            example.put("errors", errors);
        }
        return example;
    }

    /** A text of the problem bundle in English (the default language), or the key's own default. */
    private static String text(String key, Object... arguments) {
        String pattern =
                ResourceBundle.getBundle("org.innoreg.chassis.problem.messages", Locale.ROOT)
                        .getString(key);
        return new MessageFormat(pattern, Locale.ROOT).format(arguments);
    }

    /** The English title the service answers with for the type (the problem bundle's). */
    private static String title(String slug, String status) {
        try {
            return ResourceBundle.getBundle("org.innoreg.chassis.problem.messages", Locale.ROOT)
                    .getString("title." + slug);
        } catch (MissingResourceException e) {
            return reasonPhrase(status);
        }
    }

    static String reasonPhrase(String status) {
        Response.Status known = Response.Status.fromStatusCode(Integer.parseInt(status));
        return known == null ? "Error" : known.getReasonPhrase();
    }

    /**
     * The path with each parameter's example (or a plausible value) in place: the problem's {@code
     * instance}.
     */
    private static String instance(String path, List<Parameter> parameters) {
        String instance = path;
        for (Parameter parameter : parameters) {
            if (parameter.getIn() != Parameter.In.PATH) {
                continue;
            }
            Object example = parameter.getExample();
            Schema schema = parameter.getSchema();
            String value =
                    example != null
                            ? String.valueOf(example)
                            : schema != null
                                            && ("UUID".equals(OpenApiModel.referenced(schema))
                                                    || "uuid".equals(schema.getFormat()))
                                    ? EXAMPLE_UUID
                                    : parameter.getName();
            instance = instance.replace("{" + parameter.getName() + "}", value);
        }
        return instance;
    }
}
