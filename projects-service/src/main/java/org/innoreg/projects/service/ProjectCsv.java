package org.innoreg.projects.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.innoreg.chassis.bulk.CsvImporter;
import org.innoreg.chassis.bulk.CsvRow;
import org.innoreg.chassis.bulk.RegionalName;
import org.innoreg.chassis.labels.Labelled;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.regions.KnownRegions;
import org.innoreg.projects.domain.InvestorOrigin;
import org.innoreg.projects.domain.Project;
import org.innoreg.projects.domain.ProjectKind;
import org.innoreg.projects.domain.ProjectStage;
import org.innoreg.projects.domain.ReviewCadence;
import org.innoreg.projects.mapping.ProjectInput;
import org.innoreg.projects.repository.ProjectRepository;

/**
 * Projects from CSV, English or Chinese column names and values (阶段: 签约, 落地, 在建 …; 调度频次: 季度, 月度,
 * 每旬). Amounts are RMB yuan; a cell may carry 万元/亿元, or the header its unit ({@code 计划投资（万元）}). A
 * project is known by region and name: a row for a known project updates what describes it (its
 * stage moves only by transitions).
 */
@ApplicationScoped
public class ProjectCsv implements CsvImporter.Spec<ProjectInput, RegionalName, Project> {

    private static final Map<String, String> COLUMNS =
            CsvImporter.columns(
                    new String[] {"name", "项目名称"},
                    new String[] {"investorName", "投资方"},
                    new String[] {"investorUscc", "统一社会信用代码"},
                    new String[] {"origin", "资金来源"},
                    new String[] {"kind", "项目类型"},
                    new String[] {"industryChain", "产业链"},
                    new String[] {"regionCode", "地区代码"},
                    new String[] {"parkPlatformId", "园区"},
                    new String[] {"plannedInvestment", "计划投资"},
                    new String[] {"expectedAnnualOutput", "预计年产值"},
                    new String[] {"signingEvent", "签约活动"},
                    new String[] {"responsibleOfficial", "责任领导"},
                    new String[] {"reviewCadence", "调度频次"},
                    new String[] {"stage", "阶段"},
                    new String[] {"stageSince", "阶段日期"},
                    new String[] {"signedOn", "签约日期"},
                    new String[] {"landedOn", "落地日期"},
                    // a row with an id updates that project (a changed name is a rename); without
                    // one, region and name
                    // tell which project it is
                    new String[] {"id", "编号"},
                    // written by the export, ignored on import
                    new String[] {"tier"},
                    new String[] {"completedInvestment"},
                    new String[] {"lastReviewedOn"},
                    new String[] {"version"},
                    new String[] {"updatedAt"});

    private final ProjectService service;
    private final ProjectRepository projects;
    private final KnownRegions regions;

    ProjectCsv(ProjectService service, ProjectRepository projects, KnownRegions regions) {
        this.service = service;
        this.projects = projects;
        this.regions = regions;
    }

    @Override
    public Map<String, String> columns() {
        return COLUMNS;
    }

    @Override
    public ProjectInput map(CsvRow row) {
        return new ProjectInput(
                row.text("name"),
                row.text("investorName"),
                row.text("investorUscc"),
                row.choice("origin", InvestorOrigin.class, Labelled::parse),
                row.choice("kind", ProjectKind.class, Labelled::parse),
                row.text("industryChain"),
                row.text("regionCode"),
                row.uuid("parkPlatformId"),
                row.amount("plannedInvestment"),
                row.amount("expectedAnnualOutput"),
                row.text("signingEvent"),
                row.text("responsibleOfficial"),
                row.choice("reviewCadence", ReviewCadence.class, Labelled::parse),
                row.choice("stage", ProjectStage.class, Labelled::parse),
                row.date("stageSince"),
                row.date("signedOn"),
                row.date("landedOn"));
    }

    /**
     * What the file does not carry stays as stored: each absent column keeps its field. An
     * anonymous export has no {@code responsibleOfficial} column, so importing it with a token
     * keeps the official.
     */
    @Override
    public ProjectInput keep(ProjectInput in, Project p, CsvImporter.Columns c) {
        return new ProjectInput(
                in.name(),
                c.pick("investorName", in.investorName(), p.investorName),
                c.pick("investorUscc", in.investorUscc(), p.investorUscc),
                c.pick("origin", in.origin(), p.origin),
                c.pick("kind", in.kind(), p.kind),
                c.pick("industryChain", in.industryChain(), p.industryChain),
                in.regionCode(),
                c.pick("parkPlatformId", in.parkPlatformId(), p.parkPlatformId),
                c.pick("plannedInvestment", in.plannedInvestment(), p.plannedInvestment),
                c.pick("expectedAnnualOutput", in.expectedAnnualOutput(), p.expectedAnnualOutput),
                c.pick("signingEvent", in.signingEvent(), p.signingEvent),
                c.pick("responsibleOfficial", in.responsibleOfficial(), p.responsibleOfficial),
                c.pick("reviewCadence", in.reviewCadence(), p.reviewCadence),
                c.pick("stage", in.stage(), p.stage),
                c.pick("stageSince", in.stageSince(), p.stageSince),
                c.pick("signedOn", in.signedOn(), p.signedOn),
                c.pick("landedOn", in.landedOn(), p.landedOn));
    }

    @Override
    public Map<UUID, Project> byIds(Collection<UUID> ids) {
        return ids.isEmpty()
                ? Map.of()
                : projects.list("id in ?1", ids).stream()
                        .collect(Collectors.toMap(r -> r.id, r -> r));
    }

    @Override
    public UUID idOf(Project record) {
        return record.id;
    }

    @Override
    public RegionalName key(ProjectInput input) {
        return RegionalName.of(input.regionCode(), input.name());
    }

    @Override
    public Map<RegionalName, Project> existing(Collection<RegionalName> keys) {
        return projects.findByNames(keys);
    }

    /**
     * A new project must enter the pipeline consistently; a known one keeps its stage (transitions
     * move it).
     */
    @Override
    public List<Problem.FieldError> check(ProjectInput input, Project existing) {
        if (existing == null) {
            return service.entryErrors(input);
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (!input.regionCode().equals(existing.regionCode)) {
            // a row that moves its project (by its id) names a region that exists, as an update
            // does
            errors.addAll(regions.fieldErrors("regionCode", input.regionCode()));
        }
        if (input.stage() != null && input.stage() != existing.stage) {
            errors.add(
                    new Problem.FieldError(
                            "stage", Messages.text("project.csv-stage", existing.stage)));
        }
        // a row's plan against what the project has already reported, as an update through the API
        // is checked
        String implausible =
                service.investmentRule(existing.completedInvestment, input.plannedInvestment());
        if (implausible != null) {
            errors.add(new Problem.FieldError("plannedInvestment", implausible));
        }
        return errors;
    }

    @Override
    public String region(ProjectInput input) {
        return input.regionCode();
    }

    @Override
    public boolean update(Project existing, ProjectInput input) {
        return service.replaceFromImport(existing, input);
    }

    @Override
    public void createAll(List<ProjectInput> inputs) {
        service.createAll(inputs);
    }
}
