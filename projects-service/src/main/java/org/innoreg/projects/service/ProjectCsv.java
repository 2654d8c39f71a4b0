package org.innoreg.projects.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innoreg.chassis.bulk.CsvImporter;
import org.innoreg.chassis.bulk.CsvRow;
import org.innoreg.chassis.bulk.RegionalName;
import org.innoreg.chassis.columns.ColumnsImport;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.regions.KnownRegions;
import org.innoreg.projects.domain.Project;
import org.innoreg.projects.mapping.ProjectInput;
import org.innoreg.projects.mapping.ProjectMapper;
import org.innoreg.projects.repository.ProjectRepository;

/**
 * Projects from CSV, English or Chinese column names and values (阶段: 签约, 落地, 在建 …; 调度频次: 季度, 月度,
 * 每旬). Amounts are RMB yuan; a cell may carry 万元/亿元, or the header its unit ({@code 计划投资（万元）}). A
 * project is known by region and name: a row for a known project updates what describes it (its
 * stage moves only by transitions).
 */
@ApplicationScoped
public class ProjectCsv extends ColumnsImport<ProjectInput, RegionalName, Project> {

    /** The import's columns by every name a file may give them; the export's too. */
    private static final Map<String, String> COLUMNS =
            CsvImporter.columns(
                    ProjectMapper.COLUMNS.fileNames(
                            new String[] {"responsibleOfficial", "责任领导"},
                            // a row with an id updates that project (a changed name is a rename);
                            // without one, region and name tell which project it is
                            new String[] {"id", "编号"},
                            // written by the export, ignored on import
                            new String[] {"tier"},
                            new String[] {"completedInvestment"},
                            new String[] {"lastReviewedOn"},
                            new String[] {"version"},
                            new String[] {"updatedAt"}));

    private final ProjectService service;
    private final KnownRegions regions;

    ProjectCsv(ProjectService service, ProjectRepository projects, KnownRegions regions) {
        super(
                ProjectInput.class,
                ProjectMapper.COLUMNS,
                COLUMNS,
                new Records<>(
                        p -> p.id,
                        ids -> projects.list("id in ?1", ids),
                        input -> RegionalName.of(input.regionCode(), input.name()),
                        projects::findByNames,
                        ProjectInput::regionCode,
                        service::replaceFromImport,
                        service::createAll));
        this.service = service;
        this.regions = regions;
    }

    @Override
    protected void readOthers(CsvRow row, Map<String, Object> values) {
        values.put("responsibleOfficial", row.text("responsibleOfficial"));
    }

    /**
     * An anonymous export has no {@code responsibleOfficial} column, so importing it with a token
     * keeps the official.
     */
    @Override
    protected void keepOthers(
            ProjectInput in, Project p, CsvImporter.Columns c, Map<String, Object> values) {
        values.put(
                "responsibleOfficial",
                c.pick("responsibleOfficial", in.responsibleOfficial(), p.responsibleOfficial));
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
}
