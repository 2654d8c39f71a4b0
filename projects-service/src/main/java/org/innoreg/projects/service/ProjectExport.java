package org.innoreg.projects.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.innoreg.chassis.bulk.BulkExport;
import org.innoreg.chassis.bulk.BulkFormat;
import org.innoreg.chassis.bulk.CsvImporter;
import org.innoreg.chassis.bulk.JdbcExport;
import org.innoreg.chassis.security.Caller;
import org.innoreg.chassis.validation.RegionCodes;
import org.innoreg.projects.domain.InvestmentTier;
import org.innoreg.projects.domain.ProjectKind;
import org.innoreg.projects.domain.ProjectStage;
import org.innoreg.projects.mapping.ProjectMapper;

/**
 * Streams the projects an export's filters keep, in the import's columns, from a JDBC cursor; what
 * is not published only to authenticated readers.
 */
@ApplicationScoped
public class ProjectExport {

    /**
     * The import's plain columns and, for a reader who may see it, the unpublished official (so an
     * export imports again), then what only the registry of record knows.
     */
    private static final String EXPORT_QUERY =
            """
            SELECT %s,%s p.id, p.tier, p.completed_investment AS "completedInvestment",
                   p.last_reviewed_on AS "lastReviewedOn", p.version, p.updated_at AS "updatedAt"
              FROM project p ORDER BY region_code, name
            """;

    private static final String PLAIN = ProjectMapper.COLUMNS.selectAsProperties("p");

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
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (region != null) {
            conditions.add("region_code LIKE ?");
            params.add(RegionCodes.descendantPrefix(region) + "%");
        }
        if (stages != null && !stages.isEmpty()) {
            conditions.add("stage = ANY(?)");
            params.add(stages.stream().map(Enum::name).toArray(String[]::new));
        }
        if (tiers != null && !tiers.isEmpty()) {
            conditions.add("tier = ANY(?)");
            params.add(tiers.stream().map(Enum::name).toArray(String[]::new));
        }
        if (kind != null) {
            conditions.add("kind = ?");
            params.add(kind.name());
        }
        if (signedYear != null) {
            conditions.add("extract(year FROM signed_on) = ?");
            params.add(signedYear);
        }
        if (landedYear != null) {
            conditions.add("extract(year FROM landed_on) = ?");
            params.add(landedYear);
        }
        // Not published: the column is left out (not blanked), so a re-import of this file keeps
        // the stored value.
        String query =
                EXPORT_QUERY.formatted(
                        PLAIN,
                        caller.isReader()
                                ? " p.responsible_official AS \"responsibleOfficial\","
                                : "");
        String filtered =
                conditions.isEmpty()
                        ? query
                        : query.replace(
                                "FROM project p ORDER BY",
                                "FROM project p WHERE "
                                        + String.join(" AND ", conditions)
                                        + " ORDER BY");
        return out ->
                JdbcExport.stream(
                        dataSource,
                        filtered,
                        params,
                        out,
                        format,
                        bom,
                        CsvImporter.headers(csv.columns()));
    }
}
