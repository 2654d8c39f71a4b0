package org.innoreg.projects.mapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;
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
        @Schema(description = "Latest cumulative investment reported, RMB") BigDecimal completedInvestment,
        @Schema(description = "Not published: only for authenticated readers") String responsibleOfficial,
        ReviewCadence reviewCadence,
        LocalDate lastReviewedOn,
        ProjectStage stage,
        @Schema(description = "Since when it is at this stage") LocalDate stageSince,
        @Schema(description = "For a stalled project, the stage it resumes") ProjectStage stageBeforeStall,
        LocalDate signedOn,
        LocalDate landedOn,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    @JsonProperty(value = "originLabel", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = Labelled.LABEL_FIELD, example = "内资", readOnly = true)
    public String originLabel() {
        return Labelled.labelOf(origin);
    }

    @JsonProperty(value = "kindLabel", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = Labelled.LABEL_FIELD, example = "产业投资", readOnly = true)
    public String kindLabel() {
        return Labelled.labelOf(kind);
    }

    @JsonProperty(value = "tierLabel", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = Labelled.LABEL_FIELD, example = "10亿元以上", readOnly = true)
    public String tierLabel() {
        return Labelled.labelOf(tier);
    }

    @JsonProperty(value = "reviewCadenceLabel", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = Labelled.LABEL_FIELD, example = "按月", readOnly = true)
    public String reviewCadenceLabel() {
        return Labelled.labelOf(reviewCadence);
    }

    @JsonProperty(value = "stageLabel", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = Labelled.LABEL_FIELD, example = "已签约", readOnly = true)
    public String stageLabel() {
        return Labelled.labelOf(stage);
    }

    @JsonProperty(value = "stageBeforeStallLabel", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = Labelled.LABEL_FIELD, example = "已签约", readOnly = true)
    public String stageBeforeStallLabel() {
        return Labelled.labelOf(stageBeforeStall);
    }

    /** What anonymous callers see: without the supervising official. */
    public ProjectView forPublic() {
        return new ProjectView(id, name, investorName, investorUscc, origin, kind, industryChain, regionCode, parkPlatformId,
                plannedInvestment, tier, expectedAnnualOutput, signingEvent, completedInvestment, null, reviewCadence,
                lastReviewedOn, stage, stageSince, stageBeforeStall, signedOn, landedOn, version, createdAt, updatedAt);
    }
}
