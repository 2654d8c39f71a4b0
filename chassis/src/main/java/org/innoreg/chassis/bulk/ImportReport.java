package org.innoreg.chassis.bulk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, or on a dry run would do, row by row. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "ImportReport")
public record ImportReport(
        @Schema(
                        description =
                                "True when nothing was changed: a dry run, or a run refused because of invalid rows")
                boolean dryRun,
        @Schema(example = "64") int rows,
        @Schema(example = "63") int valid,
        @Schema(example = "1") int invalid,
        @Schema(
                        description =
                                "Records created (on a dry run: that the real run creates; of the valid rows when some are invalid)",
                        example = "60")
                int created,
        @Schema(
                        description = "Records updated (on a dry run: that the real run updates)",
                        example = "3")
                int updated,
        @Schema(
                        description =
                                "Rows already identical to the registry (on a dry run: exactly those the real run leaves alone)",
                        example = "0")
                int unchanged,
        List<RowError> errors) {

    /** A problem with one cell of one row: every problem of every row is listed. */
    @Schema(name = "ImportRowError")
    public record RowError(
            @Schema(
                            description =
                                    "The line of the file, or a workbook's row number (the header is line 1)",
                            example = "7")
                    int line,
            @Schema(
                            description =
                                    "A workbook's cell (column letters and row number); absent for a CSV file",
                            example = "C7")
                    String cell,
            @Schema(
                            description =
                                    "The field, by its canonical (English) column name, or `row` for the row as a whole",
                            example = "type")
                    String field,
            @Schema(description = "The column as the file names it", example = "类型") String column,
            @Schema(description = "The cell's value, as the file has it", example = "孵化器")
                    String value,
            @Schema(
                            description = "What is wrong, and what would be valid",
                            example =
                                    "'孵化器' is not one of TECH_BUSINESS_INCUBATOR (科技企业孵化器), MAKER_SPACE (众创空间), …")
                    String message) {}
}
