package org.innoreg.chassis.web;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * What every operation's description says by its shape, the same in every service, so that each
 * status, header and credential the service answers with is in the document (a generated client, or
 * a validating proxy, knows every answer it can get):
 *
 * <ul>
 *   <li>the problems any operation can answer: 400 (an unknown query parameter, a malformed one),
 *       406 (an Accept it cannot give), 503 (database away); a path parameter: 404; a body: 400,
 *       413, 415, 422; {@code If-Match}: 412, and 428 where the parameter is required; a secured
 *       operation: 401 and 403. Each problem response has an example of its own status and path
 *       ({@link ProblemResponses}, {@link ProblemExamples});
 *   <li>{@code ETag} on a success whose body is a versioned record (its {@code version}: the
 *       resources tag every such answer), {@code Location} on a POST's 201 ({@link
 *       SuccessHeaders});
 *   <li>operationIds from the method and path ({@code listPlatforms}, {@code getPlatform}, {@code
 *       updatePlatform}), stable while endpoints are added, instead of the Java class and method
 *       (one given in {@code @Operation} stays; {@link OperationIds});
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

    private OpenApiOperations() {}

    static void apply(OpenAPI openAPI) {
        Set<String> operationIds = new HashSet<>();
        for (Map.Entry<String, PathItem> item : openAPI.getPaths().getPathItems().entrySet()) {
            String path = item.getKey();
            item.getValue()
                    .getOperations()
                    .forEach(
                            (method, operation) -> {
                                OperationIds.name(path, method, operation, operationIds);
                                parameterExamples(operation);
                                optionalBearer(operation);
                                responses(openAPI, path, method, operation);
                            });
        }
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
        ProblemResponses.addStandard(operation, responses, parameters);
        ProblemExamples.Context context = ProblemExamples.Context.of(path, parameters);
        responses
                .getAPIResponses()
                .forEach(
                        (status, response) -> {
                            if (status.startsWith("4") || status.startsWith("5")) {
                                ProblemResponses.complete(status, response, context);
                            } else if (status.startsWith("2")) {
                                SuccessHeaders.add(openAPI, method, status, response);
                            }
                        });
    }
}
