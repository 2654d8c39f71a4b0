package org.innoreg.projects.mapping;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.projects.domain.ProjectStage;

/** A move of a project to another stage on a date. */
@Schema(name = "TransitionInput")
public record TransitionInput(
        @NotNull @Schema(example = "SIGNED", required = true) ProjectStage to,
        @NotNull @PastOrPresent @Schema(example = "2018-03-15", required = true) LocalDate on,
        @Size(max = 1000) @Schema(example = "Signed at the 2018 investment promotion week")
                String note) {}
