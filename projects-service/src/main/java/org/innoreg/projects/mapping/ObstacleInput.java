package org.innoreg.projects.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A problem raised for a project, and the department that must solve it. */
@Schema(name = "ObstacleInput")
public record ObstacleInput(
        @NotBlank
                @Size(max = 4000)
                @Schema(example = "Power supply line not connected", required = true)
                String problem,
        @NotBlank
                @Size(max = 200)
                @Schema(example = "State Grid Changde Power Supply Company", required = true)
                String department,
        @NotNull @PastOrPresent @Schema(example = "2019-03-05", required = true)
                LocalDate raisedOn) {}
