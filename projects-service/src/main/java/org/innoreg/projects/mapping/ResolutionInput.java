package org.innoreg.projects.mapping;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ResolutionInput")
public record ResolutionInput(
        @NotNull @PastOrPresent @Schema(example = "2019-04-18", required = true)
                LocalDate resolvedOn,
        @Size(max = 4000) @Schema(example = "Dedicated 10 kV line energised") String resolution) {}
