package org.innoreg.projects.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;
import org.innoreg.chassis.bulk.BulkExport;
import org.innoreg.chassis.bulk.BulkFormat;
import org.innoreg.chassis.bulk.CsvImporter;
import org.innoreg.chassis.bulk.JdbcExport;
import org.innoreg.chassis.columns.Column;
import org.innoreg.chassis.search.ExportFilter;
import org.innoreg.chassis.security.Caller;
import org.innoreg.chassis.security.Publication;
import org.innoreg.projects.domain.InvestmentTier;
import org.innoreg.projects.domain.ProjectKind;
import org.innoreg.projects.domain.ProjectStage;
import org.innoreg.projects.mapping.ProjectMapper;
import org.innoreg.projects.mapping.ProjectView;

/**
 * Streams the projects an export's filters keep, in the import's columns, from a JDBC cursor; what
 * is not published only to authenticated readers.
 */
@ApplicationScoped
public class ProjectExport {

    /**
     * The import's plain columns and, for a reader who may see them, the project's unpublished
     * fields (so an export imports again), then what only the registry of record knows.
     */
    private static final String EXPORT_QUERY =
            """
            SELECT %s,%s p.id, p.tier, p.completed_investment AS "completedInvestment",
                   p.last_reviewed_on AS "lastReviewedOn", p.version, p.updated_at AS "updatedAt"
              FROM project p%s ORDER BY p.region_code, p.name
            """;

    private static final String PLAIN = ProjectMapper.COLUMNS.selectAsProperties("p");

    /** The fields of a project a bureau does not publish ({@code @Unpublished} in its view). */
    private static final String UNPUBLISHED =
            Publication.unpublished(ProjectView.class).stream()
                    .map(name -> " p." + Column.snakeCase(name) + " AS \"" + name + "\",")
                    .collect(Collectors.joining());

    private final AgroalDataSource dataSource;
    private final ProjectCsv csv;
    private final Caller caller;

    ProjectExport(AgroalDataSource dataSource, ProjectCsv csv, Caller caller) {
        this.dataSource = dataSource;
        this.csv = csv;
        this.caller = caller;
    }

    /**
     * The export of the projects the filters keep (nulls and empty lists: any), for this caller:
     * decided now, written when the response is.
     */
    public BulkExport.Body body(
            BulkFormat format,
            boolean bom,
            String region,
            List<ProjectStage> stages,
            List<InvestmentTier> tiers,
            ProjectKind kind,
            Integer signedYear,
            Integer landedYear) {
        ExportFilter filter =
                new ExportFilter()
                        .region("p.region_code", region)
                        .anyOf("p.stage", stages)
                        .anyOf("p.tier", tiers)
                        .equal("p.kind", kind)
                        .equal("extract(year FROM p.signed_on)", signedYear)
                        .equal("extract(year FROM p.landed_on)", landedYear);
        // Not published: the columns are left out (not blanked), so a re-import of this file keeps
        // the stored values.
        String query =
                EXPORT_QUERY.formatted(PLAIN, caller.isReader() ? UNPUBLISHED : "", filter.where());
        return out ->
                JdbcExport.stream(
                        dataSource,
                        query,
                        filter.params(),
                        out,
                        format,
                        bom,
                        CsvImporter.headers(csv.columns()));
    }
}
