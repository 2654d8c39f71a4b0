package org.innoreg.projects.mapping;

import org.innoreg.chassis.columns.Column;
import org.innoreg.chassis.columns.Columns;
import org.innoreg.projects.domain.InvestorOrigin;
import org.innoreg.projects.domain.Project;
import org.innoreg.projects.domain.ProjectKind;
import org.innoreg.projects.domain.ProjectStage;
import org.innoreg.projects.domain.ReviewCadence;

/**
 * A project's fields from the entity to the API and back: where a new field is added
 * (docs/adding-a-field.md).
 */
public final class ProjectMapper {

    private ProjectMapper() {}

    /**
     * The plain fields of an import, with the headers it also reads (the first is a workbook's):
     * they drive the import and the export. The responsible official, which anonymous readers do
     * not see, is written out where it is used; what only the registry of record knows (tier,
     * completed investment, last review) is exported but never imported.
     */
    public static final Columns<Project> COLUMNS =
            Columns.of(
                    Column.text("name", p -> p.name, (p, v) -> p.name = v, "项目名称"),
                    Column.text(
                            "investorName",
                            p -> p.investorName,
                            (p, v) -> p.investorName = v,
                            "投资方"),
                    Column.text(
                            "investorUscc",
                            p -> p.investorUscc,
                            (p, v) -> p.investorUscc = v,
                            "统一社会信用代码"),
                    Column.choice(
                            "origin",
                            InvestorOrigin.class,
                            p -> p.origin,
                            (p, v) -> p.origin = v,
                            "资金来源"),
                    Column.choice(
                            "kind", ProjectKind.class, p -> p.kind, (p, v) -> p.kind = v, "项目类型"),
                    Column.text(
                            "industryChain",
                            p -> p.industryChain,
                            (p, v) -> p.industryChain = v,
                            "产业链"),
                    Column.text(
                            "regionCode", p -> p.regionCode, (p, v) -> p.regionCode = v, "地区代码"),
                    Column.uuid(
                            "parkPlatformId",
                            p -> p.parkPlatformId,
                            (p, v) -> p.parkPlatformId = v,
                            "园区"),
                    Column.amount(
                            "plannedInvestment",
                            p -> p.plannedInvestment,
                            Project::setPlannedInvestment,
                            "计划投资"),
                    Column.amount(
                            "expectedAnnualOutput",
                            p -> p.expectedAnnualOutput,
                            (p, v) -> p.expectedAnnualOutput = v,
                            "预计年产值"),
                    Column.text(
                            "signingEvent",
                            p -> p.signingEvent,
                            (p, v) -> p.signingEvent = v,
                            "签约活动"),
                    Column.choice(
                            "reviewCadence",
                            ReviewCadence.class,
                            p -> p.reviewCadence,
                            (p, v) -> p.reviewCadence = v,
                            "调度频次"),
                    Column.choice(
                            "stage", ProjectStage.class, p -> p.stage, (p, v) -> p.stage = v, "阶段"),
                    Column.date(
                            "stageSince", p -> p.stageSince, (p, v) -> p.stageSince = v, "阶段日期"),
                    Column.date("signedOn", p -> p.signedOn, (p, v) -> p.signedOn = v, "签约日期"),
                    Column.date("landedOn", p -> p.landedOn, (p, v) -> p.landedOn = v, "落地日期"));

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
