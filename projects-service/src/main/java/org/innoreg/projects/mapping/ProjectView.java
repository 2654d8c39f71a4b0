package org.innoreg.projects.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.security.Unpublished;
import org.innoreg.projects.domain.InvestmentTier;
import org.innoreg.projects.domain.InvestorOrigin;
import org.innoreg.projects.domain.ProjectKind;
import org.innoreg.projects.domain.ProjectStage;
import org.innoreg.projects.domain.ReviewCadence;

/** A project as the API and its events show it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Project")
public record ProjectView(
        UUID id,
        String name,
        String investorName,
        String investorUscc,
        InvestorOrigin origin,
        ProjectKind kind,
        String industryChain,
        String regionCode,
        UUID parkPlatformId,
        BigDecimal plannedInvestment,
        @Schema(description = "Derived from plannedInvestment") InvestmentTier tier,
        BigDecimal expectedAnnualOutput,
        String signingEvent,
        @Schema(description = "Latest cumulative investment reported, RMB")
                BigDecimal completedInvestment,
        @Unpublished @Schema(description = Unpublished.DESCRIPTION) String responsibleOfficial,
        ReviewCadence reviewCadence,
        LocalDate lastReviewedOn,
        ProjectStage stage,
        @Schema(description = "Since when it is at this stage") LocalDate stageSince,
        @Schema(description = "For a stalled project, the stage it resumes")
                ProjectStage stageBeforeStall,
        LocalDate signedOn,
        LocalDate landedOn,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
