package org.innoreg.projects.domain;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.innoreg.chassis.persistence.VersionedEntity;

/** An industrial investment project the city steers. */
@Entity
public class Project extends VersionedEntity {

    @Id
    public UUID id;

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

    /** The tier always follows the planned investment. */
    public void setPlannedInvestment(BigDecimal amount) {
        plannedInvestment = amount;
        tier = InvestmentTier.of(amount);
    }
}
