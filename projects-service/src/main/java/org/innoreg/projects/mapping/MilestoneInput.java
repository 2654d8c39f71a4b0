package org.innoreg.projects.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MilestoneInput")
public record MilestoneInput(
        @NotBlank
                @Size(max = 300)
                @Schema(example = "Main plant building topped out", required = true)
                String title,
        @NotNull @Schema(example = "2019-06-30", required = true) LocalDate plannedOn,
        @PastOrPresent
                @Schema(
                        description = "When it was reached; absent while not yet",
                        example = "2019-07-12")
                LocalDate actualOn) {}
