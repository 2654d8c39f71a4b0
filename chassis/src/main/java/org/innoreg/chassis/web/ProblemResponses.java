package org.innoreg.chassis.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.innoreg.chassis.bulk.BulkFormat;
import org.innoreg.chassis.problem.Problem;

/**
 * The problems an operation can answer, by its shape: any operation 400 (an unknown query
 * parameter, a malformed one), 406 (an Accept it cannot give) and 503 (database away); a path
 * parameter 404; a body 400, 413, 415, 422; {@code If-Match} 412, and 428 where it is required; a
 * secured operation 401 and 403. Each problem response has a Problem body and an example of its own
 * status and path ({@link ProblemExamples}). A file import (a CSV body) and an answer that can be a
 * workbook say what their problems mean for a file, so their resources need not.
 */
final class ProblemResponses {

    /** One standard problem: the status's problem type and what the response says. */
    record Standard(String slug, String description) {}

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

    /**
     * What a file import's problems mean: the body is a file of rows, checked whole before anything
     * is stored (CsvImporter).
     */
    private static final Map<String, String> IMPORT =
            Map.of(
                    "400", "Not a readable CSV file or workbook, or unknown columns",
                    "413",
                            "More rows than an import takes, or a workbook that inflates to too much",
                    "422", "Invalid rows: nothing was imported");

    /** A 400 of an operation that can answer a workbook: its filters, or a sheet's row limit. */
    private static final String WORKBOOK_400 =
            "A bad filter, or `xlsx` of more rows than an Excel sheet holds (1,048,575)";

    private ProblemResponses() {}

    /** The standard problem of a status; null for another status. */
    static Standard standard(String status) {
        return STANDARD.get(status);
    }

    /** Adds each standard problem response the operation can answer and does not declare. */
    static void addStandard(
            Operation operation, APIResponses responses, List<Parameter> parameters) {
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
                                .anyMatch(
                                        requirement ->
                                                requirement.hasScheme(OpenApiOperations.BEARER));
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
        boolean fileImport = body && has(operation.getRequestBody().getContent(), "text/csv");
        boolean workbook =
                responses.getAPIResponses() != null
                        && responses.getAPIResponses().entrySet().stream()
                                .anyMatch(
                                        e ->
                                                e.getKey().startsWith("2")
                                                        && has(
                                                                e.getValue().getContent(),
                                                                BulkFormat.XLSX_TYPE));
        for (String status : statuses) {
            if (responses.getAPIResponse(status) == null) {
                String description = STANDARD.get(status).description();
                if (fileImport && IMPORT.containsKey(status)) {
                    description = IMPORT.get(status);
                } else if (workbook && status.equals("400")) {
                    description = WORKBOOK_400;
                }
                responses.addAPIResponse(
                        status, OASFactory.createAPIResponse().description(description));
            }
        }
    }

    private static boolean has(Content content, String mediaType) {
        return content != null
                && content.getMediaTypes() != null
                && content.getMediaTypes().containsKey(mediaType);
    }

    /** A problem response: its body a Problem, with an example of this status on this path. */
    static void complete(String status, APIResponse response, ProblemExamples.Context context) {
        if (response.getRef() != null) {
            return;
        }
        if (response.getDescription() == null
                || response.getDescription().isBlank()
                || response.getDescription().equals(ProblemExamples.reasonPhrase(status))) {
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
            media.setExample(ProblemExamples.example(status, context));
        }
    }
}
