package org.innoreg.chassis.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). {@code errors} lists the
 * offending fields of a bad request; {@code extensions} carries problem-specific members (for
 * example the allowed next stages of a refused transition) at the top level of the JSON object.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        // every problem of the suite has these three (a generated client may rely on them)
        @Schema(
                        required = true,
                        description = "URI identifying the kind of problem",
                        example = "urn:innoreg:problem:validation")
                String type,
        @Schema(
                        required = true,
                        description = "Short summary of the kind of problem",
                        example = "Invalid request")
                String title,
        @Schema(required = true, description = "HTTP status code", example = "400") int status,
        @Schema(
                        description = "What went wrong in this occurrence",
                        example = "2 fields are invalid")
                String detail,
        @Schema(
                        description = "The request path the problem occurred on",
                        example = "/api/v1/regions")
                String instance,
        @Schema(description = "Invalid fields, for validation problems") List<FieldError> errors,
        @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:innoreg:problem:";

    @JsonAnyGetter
    @Override
    public Map<String, Object> extensions() {
        return extensions;
    }

    Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors, extensions);
    }

    /** One invalid input: where it is (a JSON path, query or path parameter name) and why. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(example = "code") String field,
            @Schema(example = "must be a six-digit GB/T 2260 code") String message) {}
}
