package org.innoreg.projects.mapping;

import org.innoreg.projects.domain.Project;

public final class ProjectMapper {

    private ProjectMapper() {}

    public static ProjectView toView(Project p) {
        return new ProjectView(
                p.id,
                p.name,
                p.investorName,
                p.investorUscc,
                p.origin,
                p.kind,
                p.industryChain,
                p.regionCode,
                p.parkPlatformId,
                p.plannedInvestment,
                p.tier,
                p.expectedAnnualOutput,
                p.signingEvent,
                p.completedInvestment,
                p.responsibleOfficial,
                p.reviewCadence,
                p.lastReviewedOn,
                p.stage,
                p.stageSince,
                p.stageBeforeStall,
                p.signedOn,
                p.landedOn,
                p.version,
                p.createdAt,
                p.updatedAt);
    }

    /** Copies what describes the project; its stage and dates move only by transitions. */
    public static void apply(ProjectInput input, Project p) {
        p.name = input.name().strip();
        p.investorName = input.investorName().strip();
        p.investorUscc = input.investorUscc();
        p.origin = input.origin();
        p.kind = input.kind();
        p.industryChain = input.industryChain();
        p.regionCode = input.regionCode();
        p.parkPlatformId = input.parkPlatformId();
        p.setPlannedInvestment(input.plannedInvestment());
        p.expectedAnnualOutput = Project.yuan(input.expectedAnnualOutput());
        p.signingEvent = input.signingEvent();
        p.responsibleOfficial = input.responsibleOfficial();
        p.reviewCadence = input.reviewCadence();
    }
}
