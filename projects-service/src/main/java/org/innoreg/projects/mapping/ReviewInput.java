package org.innoreg.projects.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A supervision review held on a day. */
@Schema(name = "ReviewInput")
public record ReviewInput(
        @NotNull @PastOrPresent @Schema(example = "2019-03-20", required = true)
                LocalDate reviewedOn,
        @NotBlank @Size(max = 200) @Schema(example = "Executive deputy mayor", required = true)
                String reviewer,
        @Size(max = 4000)
                @Schema(example = "Land acquisition done; power supply to be connected by April")
                String summary) {}
