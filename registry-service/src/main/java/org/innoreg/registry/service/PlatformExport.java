package org.innoreg.registry.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.OutputStream;
import java.util.List;
import org.innoreg.chassis.bulk.BulkFormat;
import org.innoreg.chassis.bulk.CsvImporter;
import org.innoreg.chassis.bulk.JdbcExport;
import org.innoreg.chassis.search.ExportFilter;
import org.innoreg.registry.domain.PlatformLevel;
import org.innoreg.registry.domain.PlatformStatus;
import org.innoreg.registry.domain.PlatformType;
import org.innoreg.registry.mapping.PlatformMapper;

/**
 * Platforms out as CSV, an Excel workbook or JSON lines, streamed from a database cursor; CSV and
 * workbooks in {@link PlatformCsv}'s import format.
 */
@ApplicationScoped
public class PlatformExport {

    private final AgroalDataSource dataSource;

    PlatformExport(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The import's columns, in English (a workbook's header in Chinese), so an export can be edited
     * and imported again; the detail's numbers as numbers, so that a workbook has number cells.
     */
    private static final String CSV_QUERY =
            """
            SELECT p.id, %s,
                   (SELECT string_agg(o.uscc, ';' ORDER BY o.uscc) FROM platform_host h
                      JOIN organization o ON o.id = h.organization_id WHERE h.platform_id = p.id) AS hosts,
                   p.detail ->> 'partnerEnterprise' AS "partnerEnterprise",
                   CAST(p.detail ->> 'floorAreaM2' AS numeric) AS "floorAreaM2",
                   CAST(p.detail ->> 'tenants' AS integer) AS tenants, CAST(p.detail ->> 'graduates' AS integer) AS graduates,
                   (SELECT string_agg(concat_ws(':', a ->> 'name', a ->> 'academy', a ->> 'field'), ';')
                      FROM jsonb_array_elements(p.detail -> 'academicians') a) AS academicians,
                   (SELECT string_agg(o.uscc, ';' ORDER BY m.n)
                      FROM jsonb_array_elements_text(p.detail -> 'memberOrganizationIds') WITH ORDINALITY m(id, n)
                      JOIN organization o ON o.id = CAST(m.id AS uuid)) AS members,
                   p.version, p.updated_at AS "updatedAt"
              FROM platform p
             ORDER BY p.region_code, p.name_zh
            """
                    .formatted(PlatformMapper.COLUMNS.selectAsProperties("p"));

    /** The platform as the API shows it, with its hosts by USCC. */
    private static final String JSON_QUERY =
            """
            SELECT p.id, %s,
                   ARRAY(SELECT o.uscc FROM platform_host h JOIN organization o ON o.id = h.organization_id
                          WHERE h.platform_id = p.id ORDER BY o.uscc) AS "hostUsccs",
                   p.detail, p.version, p.updated_at AS "updatedAt"
              FROM platform p
             ORDER BY p.region_code, p.name_zh
            """
                    .formatted(PlatformMapper.COLUMNS.selectAsProperties("p"));

    /**
     * Streams the platforms the list's filters keep (region with its subtree, types, levels,
     * statuses; an empty filter keeps all), so a bureau can export its own region and import it
     * again. CSV and workbooks carry the import's columns, JSON lines the API's fields; all stream
     * from a cursor, without loading the platforms.
     */
    public void export(
            OutputStream out,
            BulkFormat format,
            boolean bom,
            String region,
            List<PlatformType> types,
            List<PlatformLevel> levels,
            List<PlatformStatus> statuses) {
        ExportFilter filter =
                new ExportFilter()
                        .region("p.region_code", region)
                        .anyOf("p.type", types)
                        .anyOf("p.level", levels)
                        .anyOf("p.status", statuses);
        String sql =
                (format == BulkFormat.JSONL ? JSON_QUERY : CSV_QUERY)
                        .replace("FROM platform p\n", "FROM platform p" + filter.where() + "\n");
        JdbcExport.stream(
                dataSource,
                sql,
                filter.params(),
                out,
                format,
                bom,
                CsvImporter.headers(PlatformCsv.COLUMNS));
    }
}
