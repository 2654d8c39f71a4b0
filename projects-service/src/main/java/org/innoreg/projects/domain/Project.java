package org.innoreg.projects.domain;

import jakarta.persistence.Column;
import jakarta.persistence.ColumnResult;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityResult;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.SqlResultSetMapping;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.innoreg.chassis.persistence.VersionedEntity;

/** An industrial investment project the city steers. */
@Entity
@SqlResultSetMapping(
        name = "ProjectWithSortKey",
        entities = @EntityResult(entityClass = Project.class),
        columns = @ColumnResult(name = "sort_key", type = String.class))
public class Project extends VersionedEntity {

    @Id public UUID id;

    public String name;

    @Column(name = "investor_name")
    public String investorName;

    /** As the bureau was given it; the registry may not know the investor yet. */
    @Column(name = "investor_uscc")
    public String investorUscc;

    @Enumerated(EnumType.STRING)
    public InvestorOrigin origin;

    @Enumerated(EnumType.STRING)
    public ProjectKind kind;

    @Column(name = "industry_chain")
    public String industryChain;

    @Column(name = "region_code")
    public String regionCode;

    /** The registry platform (an industrial park) the project is located in, if any. */
    @Column(name = "park_platform_id")
    public UUID parkPlatformId;

    /** RMB, exact. */
    @Column(name = "planned_investment")
    public BigDecimal plannedInvestment;

    @Enumerated(EnumType.STRING)
    public InvestmentTier tier;

    /** RMB a year once in production. */
    @Column(name = "expected_annual_output")
    public BigDecimal expectedAnnualOutput;

    /** The fair or event at which the project was signed, e.g. an achievement-transfer fair. */
    @Column(name = "signing_event")
    public String signingEvent;

    @Enumerated(EnumType.STRING)
    public ProjectStage stage;

    /** The date the project entered its current stage. */
    @Column(name = "stage_since")
    public LocalDate stageSince;

    /** For a stalled project: the stage it left, the one it resumes. */
    @Enumerated(EnumType.STRING)
    @Column(name = "stage_before_stall")
    public ProjectStage stageBeforeStall;

    /**
     * When the contract was signed and when the project landed: what the yearly statistics count
     * by.
     */
    @Column(name = "signed_on")
    public LocalDate signedOn;

    @Column(name = "landed_on")
    public LocalDate landedOn;

    /** The latest cumulative investment reported (RMB). */
    @Column(name = "completed_investment")
    public BigDecimal completedInvestment;

    /** Supervision: who answers for the project, and how often they must review it. */
    @Column(name = "responsible_official")
    public String responsibleOfficial;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_cadence")
    public ReviewCadence reviewCadence;

    @Column(name = "last_reviewed_on")
    public LocalDate lastReviewedOn;

    /** Moves to {@code to} on {@code on}; the caller has checked that the move is allowed. */
    public void moveTo(ProjectStage to, LocalDate on) {
        stageBeforeStall = to == ProjectStage.STALLED ? stage : null;
        stage = to;
        stageSince = on;
        if (to == ProjectStage.SIGNED && signedOn == null) {
            signedOn = on;
        }
        if (to == ProjectStage.LANDED && landedOn == null) {
            landedOn = on;
        }
    }

    /** The tier always follows the planned investment. */
    public void setPlannedInvestment(BigDecimal amount) {
        plannedInvestment = yuan(amount);
        tier = InvestmentTier.of(amount);
    }

    /**
     * Amounts are kept to the fen, as the column does, so a re-sent 1E9 equals the stored
     * 1000000000.00.
     */
    public static BigDecimal yuan(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_EVEN);
    }
}
