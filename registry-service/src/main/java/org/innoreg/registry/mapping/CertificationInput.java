package org.innoreg.registry.mapping;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.registry.domain.CertificationKind;

@Schema(name = "Certification")
public record CertificationInput(
        @NotNull @Schema(example = "HIGH_TECH_ENTERPRISE", required = true) CertificationKind kind,
        @Size(max = 100) @Schema(example = "GR201843000123") String certificateNo,
        @NotNull @Schema(example = "2018-10-17", required = true) LocalDate validFrom,
        @Schema(
                        description =
                                "Inclusive; defaults to the kind's standard validity (3 years for a high-tech enterprise)",
                        example = "2021-10-16")
                LocalDate validTo) {}
