package org.innoreg.chassis.bulk;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, or on a dry run would do, row by row. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "ImportReport")
public record ImportReport(
        @Schema(description = "True when nothing was changed: a dry run, or a run refused because of invalid rows")
        boolean dryRun,
        @Schema(example = "64") int rows,
        @Schema(example = "63") int valid,
        @Schema(example = "1") int invalid,
        @Schema(description = "Records created (or that would be)", example = "60") int created,
        @Schema(description = "Records updated (or that would be)", example = "3") int updated,
        @Schema(description = "Rows already identical to the registry", example = "0") int unchanged,
        List<RowError> errors) {

    /** A problem with one cell of one row. */
    @Schema(name = "ImportRowError")
    public record RowError(@Schema(example = "7") int line, @Schema(example = "type") String field,
            @Schema(example = "'孵化器' is not one of [...]") String message) {
    }
}
