package org.innoreg.registry.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What only some platform types have: an academician workstation's academicians and partner
 * enterprise, an incubator's (or maker space's) floor area, tenants and graduates, an alliance's
 * members. Stored as JSON with the platform.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(
        name = "PlatformDetail",
        description =
                "Type-specific detail; only the parts that fit the platform's type are accepted")
public record PlatformDetail(
        @Valid @Size(max = 100) @Schema(description = "ACADEMICIAN_WORKSTATION only")
                List<@Valid Academician> academicians,
        @Size(max = 300)
                @Schema(
                        description = "ACADEMICIAN_WORKSTATION only",
                        example = "Hunan Yunjin Textile Group")
                String partnerEnterprise,
        @PositiveOrZero
                @DecimalMax("100000000")
                @Schema(
                        description = "Incubators and maker spaces: floor area in m²",
                        example = "52000")
                BigDecimal floorAreaM2,
        @PositiveOrZero
                @Schema(
                        description = "Incubators and maker spaces: enterprises incubated now",
                        example = "120")
                Integer tenants,
        @PositiveOrZero
                @Schema(
                        description = "Incubators and maker spaces: enterprises graduated so far",
                        example = "35")
                Integer graduates,
        @Size(max = 1000) @Schema(description = "INNOVATION_ALLIANCE only: member organisation ids")
                List<@NotNull UUID> memberOrganizationIds) {

    /** An academician working with a workstation. */
    @Schema(name = "Academician")
    public record Academician(
            @NotBlank @Size(max = 100) @Schema(example = "Yu Jianyong") String name,
            @NotNull @Schema(example = "CAE") Academy academy,
            @Size(max = 200) @Schema(example = "textile engineering") String field) {}

    public boolean hasWorkstationDetail() {
        return (academicians != null && !academicians.isEmpty()) || partnerEnterprise != null;
    }

    public boolean hasIncubatorDetail() {
        return floorAreaM2 != null || tenants != null || graduates != null;
    }

    public boolean hasAllianceDetail() {
        return memberOrganizationIds != null && !memberOrganizationIds.isEmpty();
    }
}
