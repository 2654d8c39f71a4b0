package org.innoreg.projects.mapping;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.regions.RegionReadModel;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.chassis.validation.UnifiedSocialCreditCode;
import org.innoreg.projects.domain.InvestorOrigin;
import org.innoreg.projects.domain.ProjectKind;
import org.innoreg.projects.domain.ProjectStage;
import org.innoreg.projects.domain.ReviewCadence;

/** A project entering the pipeline (it starts as a lead). */
@Schema(name = "ProjectInput")
public record ProjectInput(
        @NotBlank
                @Size(max = 300)
                @Schema(
                        example = "Fosun Pharma Changde biomedicine industrial park",
                        required = true)
                String name,
        @NotBlank
                @Size(max = 300)
                @Schema(
                        example = "Shanghai Fosun Pharmaceutical (Group) Co., Ltd.",
                        required = true)
                String investorName,
        @UnifiedSocialCreditCode @Schema(example = "91350100M000100Y43") String investorUscc,
        @NotNull @Schema(example = "DOMESTIC", required = true) InvestorOrigin origin,
        @NotNull @Schema(example = "INDUSTRIAL_INVESTMENT", required = true) ProjectKind kind,
        @Size(max = 200) @Schema(example = "biomedicine") String industryChain,
        @NotNull
                @RegionCode
                @Schema(
                        description =
                                "A region of the registry (422 when none)."
                                        + RegionReadModel.CATCH_UP,
                        example = "430703",
                        required = true)
                String regionCode,
        @Schema(description = "Registry platform id of the park the project is in")
                UUID parkPlatformId,
        @NotNull
                @PositiveOrZero
                @Digits(integer = 16, fraction = 2)
                @DecimalMax("9999999999999999.99")
                @Schema(
                        description = "Planned investment in RMB",
                        example = "1000000000",
                        required = true)
                BigDecimal plannedInvestment,
        @PositiveOrZero
                @Digits(integer = 16, fraction = 2)
                @Schema(
                        description = "Expected annual output value in RMB once in production",
                        example = "1500000000")
                BigDecimal expectedAnnualOutput,
        @Size(max = 300) @Schema(example = "2018 Changde achievement-transfer fair")
                String signingEvent,
        @Size(max = 200)
                @Schema(
                        description = "Official who answers for the project",
                        example = "Executive deputy mayor")
                String responsibleOfficial,
        @Schema(description = "How often the official must review it", example = "MONTHLY")
                ReviewCadence reviewCadence,
        @Schema(
                        description =
                                "On creation only: the stage the project enters the pipeline at (default LEAD); "
                                        + "afterwards stages move by transitions",
                        example = "LEAD")
                ProjectStage stage,
        @PastOrPresent
                @Schema(
                        description =
                                "On creation only: since when it is at that stage (default today)",
                        example = "2018-03-15")
                LocalDate stageSince,
        @PastOrPresent
                @Schema(
                        description = "Contract signing date, when entering at SIGNED or later",
                        example = "2018-03-15")
                LocalDate signedOn,
        @PastOrPresent
                @Schema(
                        description = "Landing date, when entering at LANDED or later",
                        example = "2018-06-01")
                LocalDate landedOn) {}
