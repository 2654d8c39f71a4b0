package org.innoreg.chassis.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.innoreg.chassis.problem.Problem;

/**
 * What every operation's description says by its shape, the same in every service, so that each
 * status, header and credential the service answers with is in the document (a generated client, or
 * a validating proxy, knows every answer it can get):
 *
 * <ul>
 *   <li>the problems any operation can answer: 400 (an unknown query parameter, a malformed one),
 *       406 (an Accept it cannot give), 503 (database away); a path parameter: 404; a body: 400,
 *       413, 415, 422; {@code If-Match}: 412, and 428 where the parameter is required; a secured
 *       operation: 401 and 403. Each problem response has an example of its own status and path.
 *   <li>{@code ETag} on a success whose body is a versioned record (its {@code version}: the
 *       resources tag every such answer), {@code Location} on a POST's 201;
 *   <li>operationIds from the method and path ({@code listPlatforms}, {@code getPlatform}, {@code
 *       updatePlatform}), stable while endpoints are added, instead of the Java class and method
 *       (one given in {@code @Operation} stays);
 *   <li>no example on an optional query parameter (Swagger UI sends an example as the value,
 *       filtering the answer): the example goes into the description;
 *   <li>optional authentication ({@code security: [{}, {bearer: []}]}) on every operation that does
 *       not require a token, said in the description where the extension {@value #OPTIONAL_BEARER}
 *       says a token shows more.
 * </ul>
 */
final class OpenApiOperations {

    /**
     * An operation extension: reads that answer more to an authenticated reader. Replaced by a
     * sentence of their description.
     */
    static final String OPTIONAL_BEARER = "x-innoreg-optional-bearer";

    static final String BEARER = "bearer";
    private static final String EXAMPLE_UUID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    private static final Set<String> VERB_SEGMENTS =
            Set.of("import", "export", "match", "rebuild", "stream", "search");

    /** One standard problem: the status's problem type and what the response says. */
    private record Standard(String slug, String description) {}

    private static final Map<String, Standard> STANDARD = new LinkedHashMap<>();

    static {
        STANDARD.put(
                "400",
                new Standard(
                        "validation",
                        "Invalid request: a malformed parameter or body, or a query parameter the operation does not take "
                                + "(`errors` names each)"));
        STANDARD.put(
                "401",
                new Standard(
                        "token-missing",
                        "No bearer token, or one that is malformed, expired, badly signed or for another issuer or audience "
                                + "(the problem's type says which)"));
        STANDARD.put(
                "403",
                new Standard(
                        "role-forbidden",
                        "The token's roles do not allow this, or the record is outside the token's regions"));
        STANDARD.put("404", new Standard("not-found", "No such record"));
        STANDARD.put(
                "406",
                new Standard(
                        "not-acceptable",
                        "None of the media types the Accept header lists is one "
                                + "this operation answers with"));
        STANDARD.put(
                "412",
                new Standard(
                        "precondition-failed",
                        "Stale If-Match: the record changed since your read (the detail gives the current ETag)"));
        STANDARD.put(
                "413",
                new Standard("payload-too-large", "The body is larger than the service takes"));
        STANDARD.put(
                "415",
                new Standard(
                        "unsupported-media-type", "A Content-Type this operation does not take"));
        STANDARD.put(
                "422",
                new Standard(
                        "unprocessable",
                        "Well-formed but cannot be applied: a reference that does not exist, or a rule of the record"));
        STANDARD.put(
                "428",
                new Standard(
                        "precondition-required",
                        "If-Match missing: send the ETag of your last read"));
        STANDARD.put(
                "503",
                new Standard(
                        "unavailable",
                        "The service cannot answer now (its database is away); retry after a few seconds"));
    }

    private OpenApiOperations() {}

    static void apply(OpenAPI openAPI) {
        Set<String> operationIds = new HashSet<>();
        openAPI.getPaths()
                .getPathItems()
                .forEach(
                        (path, item) ->
                                item.getOperations()
                                        .forEach(
                                                (method, operation) -> {
                                                    name(path, method, operation, operationIds);
                                                    parameterExamples(operation);
                                                    optionalBearer(operation);
                                                    responses(openAPI, path, method, operation);
                                                }));
    }

    /**
     * {@code GET /api/v1/platforms/{id}/history} → {@code getPlatformHistory}; a clash keeps the
     * one SmallRye made.
     */
    static void name(
            String path, PathItem.HttpMethod method, Operation operation, Set<String> taken) {
        // An operationId the resource gave itself (@Operation(operationId = ...)) stays: the
        // strategy's have "Class_method".
        String given = operation.getOperationId();
        if (given != null && !given.contains("_")) {
            taken.add(given);
            return;
        }
        String derived = operationId(path, method, operation);
        if (derived != null && taken.add(derived)) {
            operation.setOperationId(derived);
        } else if (operation.getOperationId() != null) {
            taken.add(operation.getOperationId());
        }
    }

    static String operationId(String path, PathItem.HttpMethod method, Operation operation) {
        if (!path.startsWith("/api/v1/")) {
            return null;
        }
        List<String> segments =
                new ArrayList<>(List.of(path.substring("/api/v1/".length()).split("/")));
        String verb =
                VERB_SEGMENTS.contains(segments.get(segments.size() - 1))
                        ? segments.remove(segments.size() - 1)
                        : null;
        int lastLiteral = -1;
        for (int i = 0; i < segments.size(); i++) {
            if (!segments.get(i).startsWith("{")) {
                lastLiteral = i;
            }
        }
        // Every word singular but the last one when no parameter follows it: platforms/{id}/history
        // → PlatformHistory,
        // platforms/stats → PlatformStats, projects/{id}/milestones → ProjectMilestones.
        StringBuilder noun = new StringBuilder();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (segment.startsWith("{")) {
                continue;
            }
            boolean followedByParameter =
                    i + 1 < segments.size() && segments.get(i + 1).startsWith("{");
            noun.append(
                    i == lastLiteral && !followedByParameter
                            ? pascal(segment)
                            : singular(pascal(segment)));
        }
        if (verb != null) {
            return verb + noun;
        }
        boolean item = segments.get(segments.size() - 1).startsWith("{");
        return switch (method) {
            case GET -> item || segments.size() > 1 ? "get" + noun : "list" + noun;
            case POST ->
                    "create"
                            + (item
                                    ? noun.toString()
                                    : singularLast(
                                            noun.toString(), segments.get(segments.size() - 1)));
            case PUT -> (creates(operation) ? "put" : "update") + noun;
            case DELETE -> "delete" + noun;
            case PATCH -> "patch" + noun;
            default -> null;
        };
    }

    private static boolean creates(Operation operation) {
        return operation.getResponses() != null
                && operation.getResponses().getAPIResponse("201") != null;
    }

    /**
     * The noun with its last word singular: {@code ProjectInvestmentReports} → {@code
     * ProjectInvestmentReport}.
     */
    private static String singularLast(String noun, String lastSegment) {
        String plural = pascal(lastSegment);
        return noun.endsWith(plural)
                ? noun.substring(0, noun.length() - plural.length()) + singular(plural)
                : noun;
    }

    private static String pascal(String segment) {
        StringBuilder out = new StringBuilder();
        for (String word : segment.split("[-_.]")) {
            if (!word.isEmpty()) {
                out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return out.toString();
    }

    private static String singular(String word) {
        if (word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.endsWith("s")
                && !word.endsWith("ss")
                && !word.endsWith("series")
                && !word.endsWith("Stats")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    /**
     * An optional query parameter's example moves into its description: Swagger UI would send it as
     * a filter.
     */
    static void parameterExamples(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getIn() != Parameter.In.QUERY
                    || Boolean.TRUE.equals(parameter.getRequired())) {
                continue;
            }
            Object example = parameter.getExample();
            if (example == null
                    && parameter.getSchema() != null
                    && parameter.getSchema().getRef() == null) {
                List<Object> examples = parameter.getSchema().getExamples();
                example = examples == null || examples.isEmpty() ? null : examples.get(0);
                parameter.getSchema().setExamples(null);
            }
            parameter.setExample(null);
            parameter.setExamples(null);
            if (example != null) {
                String description =
                        parameter.getDescription() == null
                                ? ""
                                : parameter.getDescription().strip();
                parameter.setDescription(
                        (description.isEmpty()
                                        ? ""
                                        : description + (description.endsWith(".") ? " " : ". "))
                                + "For example `"
                                + example
                                + "`.");
            }
        }
    }

    /**
     * Every operation that does not require a token accepts one: the services verify any token they
     * are sent (one that does not verify is a 401, also on a read), so a client configured with a
     * token may send it everywhere and its generated code does. Where a token shows more, the
     * description says so.
     */
    private static void optionalBearer(Operation operation) {
        boolean showsMore =
                operation.getExtensions() != null
                        && operation.getExtensions().get(OPTIONAL_BEARER) != null;
        if (operation.getSecurity() != null && !showsMore) {
            return; // a write's own requirement
        }
        if (showsMore) {
            String description =
                    operation.getDescription() == null ? "" : operation.getDescription().strip();
            operation.setDescription(
                    (description.isEmpty() ? "" : description + "\n\n")
                            + "With a token, the answer also shows what a bureau does not publish.");
        }
        operation.removeExtension(OPTIONAL_BEARER);
        // SmallRye also copies a method's extensions onto its responses: they are not the
        // responses'.
        if (operation.getResponses() != null) {
            operation.getResponses().removeExtension(OPTIONAL_BEARER);
            if (operation.getResponses().getAPIResponses() != null) {
                operation
                        .getResponses()
                        .getAPIResponses()
                        .values()
                        .forEach(r -> r.removeExtension(OPTIONAL_BEARER));
            }
        }
        operation.setSecurity(
                new ArrayList<>(
                        List.of(
                                OASFactory.createSecurityRequirement(),
                                OASFactory.createSecurityRequirement().addScheme(BEARER))));
    }

    private static void responses(
            OpenAPI openAPI, String path, PathItem.HttpMethod method, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        List<Parameter> parameters =
                operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean pathParameters = parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.PATH);
        boolean body = operation.getRequestBody() != null;
        Parameter ifMatch =
                parameters.stream()
                        .filter(
                                p ->
                                        p.getIn() == Parameter.In.HEADER
                                                && "If-Match".equalsIgnoreCase(p.getName()))
                        .findFirst()
                        .orElse(null);
        boolean bearer =
                operation.getSecurity() != null
                        && operation.getSecurity().stream()
                                .anyMatch(requirement -> requirement.hasScheme(BEARER));
        // [{}, {bearer}]: anonymous callers are answered too, so no 403; a token that does not
        // verify is still a 401
        boolean optional =
                bearer
                        && operation.getSecurity().stream()
                                .anyMatch(
                                        requirement ->
                                                requirement.getSchemes() == null
                                                        || requirement.getSchemes().isEmpty());
        List<String> statuses = new ArrayList<>(List.of("400", "406", "503"));
        if (pathParameters) {
            statuses.add("404");
        }
        if (body) {
            statuses.addAll(List.of("413", "415", "422"));
        }
        if (ifMatch != null) {
            statuses.add("412");
            if (Boolean.TRUE.equals(ifMatch.getRequired())) {
                statuses.add("428");
            }
            if (ifMatch.getDescription() == null) {
                ifMatch.setDescription("The ETag of your last read of the record");
            }
        }
        if (bearer) {
            statuses.add("401");
        }
        if (bearer && !optional) {
            statuses.add("403");
        }
        for (String status : statuses) {
            APIResponse response = responses.getAPIResponse(status);
            if (response == null) {
                response =
                        OASFactory.createAPIResponse()
                                .description(STANDARD.get(status).description());
                responses.addAPIResponse(status, response);
            }
        }
        String instance = instance(path, parameters);
        Context context =
                new Context(
                        path,
                        instance,
                        parameters.stream()
                                .filter(p -> p.getIn() == Parameter.In.QUERY)
                                .map(Parameter::getName)
                                .sorted()
                                .toList());
        responses
                .getAPIResponses()
                .forEach(
                        (status, response) -> {
                            if (status.startsWith("4") || status.startsWith("5")) {
                                problem(status, response, context);
                            } else if (status.startsWith("2")) {
                                successHeaders(openAPI, method, status, response);
                            }
                        });
    }

    /** A problem response: its body a Problem, with an example of this status on this path. */
    /** What a problem example of an operation says: its path, and the query parameters it takes. */
    private record Context(String path, String instance, List<String> queryParameters) {}

    private static void problem(String status, APIResponse response, Context context) {
        if (response.getRef() != null) {
            return;
        }
        if (response.getDescription() == null
                || response.getDescription().isBlank()
                || response.getDescription().equals(reasonPhrase(status))) {
            Standard standard = STANDARD.get(status);
            if (standard != null) {
                response.setDescription(standard.description());
            }
        }
        if (response.getContent() == null
                || response.getContent().getMediaTypes() == null
                || response.getContent().getMediaTypes().isEmpty()) {
            response.setContent(
                    OASFactory.createContent()
                            .addMediaType(
                                    Problem.MEDIA_TYPE,
                                    OASFactory.createMediaType()
                                            .schema(OASFactory.createSchema().ref("Problem"))));
        }
        MediaType media = response.getContent().getMediaType(Problem.MEDIA_TYPE);
        if (media != null
                && media.getExample() == null
                && (media.getExamples() == null || media.getExamples().isEmpty())) {
            media.setExample(example(status, context));
        }
    }

    private static Map<String, Object> example(String status, Context context) {
        Standard standard = STANDARD.get(status);
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
                errors = List.of(Map.of("field", "regoin", "message", message));
            }
            case "404" -> {
                String[] segments =
                        context.path().substring(context.path().indexOf("/v1/") + 4).split("/");
                String id = context.instance().substring(context.instance().lastIndexOf('/') + 1);
                detail = text("detail.not-found", singular(segments[0]), id);
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
        return new java.text.MessageFormat(pattern, Locale.ROOT).format(arguments);
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

    private static String reasonPhrase(String status) {
        jakarta.ws.rs.core.Response.Status known =
                jakarta.ws.rs.core.Response.Status.fromStatusCode(Integer.parseInt(status));
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
                                            && ("UUID".equals(OpenApiSchemas.referenced(schema))
                                                    || "uuid".equals(schema.getFormat()))
                                    ? EXAMPLE_UUID
                                    : parameter.getName();
            instance = instance.replace("{" + parameter.getName() + "}", value);
        }
        return instance;
    }

    /**
     * {@code ETag} on a success whose body is a versioned record (the resources tag every one with
     * its version), and {@code Location} on a POST's 201 (the created record's address).
     */
    private static void successHeaders(
            OpenAPI openAPI, PathItem.HttpMethod method, String status, APIResponse response) {
        if (response.getRef() != null) {
            return;
        }
        if (versioned(openAPI, response)
                && (response.getHeaders() == null || !response.getHeaders().containsKey("ETag"))) {
            response.addHeader(
                    "ETag",
                    OASFactory.createHeader()
                            .description(
                                    "The record's version, for If-Match on a " + "later change")
                            .schema(
                                    OASFactory.createSchema()
                                            .addType(SchemaType.STRING)
                                            .pattern("^\"[0-9]+\"$")));
        }
        if (method == PathItem.HttpMethod.POST
                && "201".equals(status)
                && (response.getHeaders() == null
                        || !response.getHeaders().containsKey("Location"))) {
            response.addHeader(
                    "Location",
                    OASFactory.createHeader()
                            .description("The created record's address")
                            .schema(
                                    OASFactory.createSchema()
                                            .addType(SchemaType.STRING)
                                            .format("uri-reference")));
        }
    }

    private static boolean versioned(OpenAPI openAPI, APIResponse response) {
        if (response.getContent() == null
                || response.getContent().getMediaTypes() == null
                || openAPI.getComponents() == null
                || openAPI.getComponents().getSchemas() == null) {
            return false;
        }
        for (MediaType media : response.getContent().getMediaTypes().values()) {
            String name = OpenApiSchemas.referenced(media.getSchema());
            Schema schema = name == null ? null : openAPI.getComponents().getSchemas().get(name);
            if (schema != null
                    && schema.getProperties() != null
                    && schema.getProperties().containsKey("version")) {
                return true;
            }
        }
        return false;
    }
}
