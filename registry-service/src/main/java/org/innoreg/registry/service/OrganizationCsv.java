package org.innoreg.registry.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.OutputStream;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.innoreg.chassis.bulk.BulkFormat;
import org.innoreg.chassis.bulk.CsvImporter;
import org.innoreg.chassis.bulk.CsvRow;
import org.innoreg.chassis.bulk.JdbcExport;
import org.innoreg.chassis.columns.ColumnsImport;
import org.innoreg.chassis.labels.Labelled;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.search.ExportFilter;
import org.innoreg.registry.domain.CertificationKind;
import org.innoreg.registry.domain.Organization;
import org.innoreg.registry.domain.OrganizationKind;
import org.innoreg.registry.mapping.CertificationInput;
import org.innoreg.registry.mapping.OrganizationInput;
import org.innoreg.registry.mapping.OrganizationMapper;
import org.innoreg.registry.repository.OrganizationRepository;

/**
 * Organisations from CSV. Certifications are written {@code
 * kind:validFrom[:validTo[:certificateNo]]}, several separated by ';', e.g. {@code
 * 高新技术企业:2018-10-17}. An organisation is known by its USCC. The plain columns are {@link
 * OrganizationMapper#COLUMNS}.
 */
@ApplicationScoped
public class OrganizationCsv extends ColumnsImport<OrganizationInput, String, Organization> {

    private static final Map<String, String> COLUMNS =
            CsvImporter.columns(
                    OrganizationMapper.COLUMNS.fileNames(
                            new String[] {"certifications", "资质", "认定资质"},
                            // a row with an id updates that organisation (also its USCC); without
                            // one, the USCC tells which it is
                            new String[] {"id", "编号"},
                            // written by the export, ignored on import
                            new String[] {"version"},
                            new String[] {"updatedAt"}));

    private final OrganizationService service;
    private final AgroalDataSource dataSource;

    OrganizationCsv(
            OrganizationService service,
            OrganizationRepository organizations,
            AgroalDataSource dataSource) {
        super(
                OrganizationInput.class,
                OrganizationMapper.COLUMNS,
                COLUMNS,
                new Records<>(
                        o -> o.id,
                        ids -> organizations.list("id in ?1", ids),
                        OrganizationInput::uscc,
                        organizations::findByUsccs,
                        OrganizationInput::regionCode,
                        service::replaceFromImport,
                        service::createAll));
        this.service = service;
        this.dataSource = dataSource;
    }

    @Override
    protected void readOthers(CsvRow row, Map<String, Object> values) {
        // the key the file is matched on, whose letters a spreadsheet may have in lower case
        values.computeIfPresent("uscc", (uscc, value) -> ((String) value).toUpperCase());
        values.put("certifications", certifications(row));
    }

    @Override
    protected void keepOthers(
            OrganizationInput in,
            Organization o,
            CsvImporter.Columns c,
            Map<String, Object> values) {
        values.put(
                "certifications",
                c.pick(
                        "certifications",
                        in.certifications(),
                        o.certifications.stream()
                                .map(
                                        x ->
                                                new CertificationInput(
                                                        x.kind,
                                                        x.certificateNo,
                                                        x.validFrom,
                                                        x.validTo))
                                .toList()));
    }

    @Override
    public List<Problem.FieldError> check(OrganizationInput input, Organization existing) {
        return service.referenceErrors(input);
    }

    private static List<CertificationInput> certifications(CsvRow row) {
        List<String> entries = row.list("certifications");
        if (entries == null) {
            return null;
        }
        List<CertificationInput> certifications = new ArrayList<>();
        for (String entry : entries) {
            String[] parts = entry.split("[:：]", 4);
            CertificationKind kind = Labelled.parse(CertificationKind.class, parts[0]);
            try {
                if (kind == null || parts.length < 2) {
                    throw new IllegalArgumentException();
                }
                certifications.add(
                        new CertificationInput(
                                kind,
                                parts.length > 3 ? parts[3].strip() : null,
                                CsvRow.parseDate(parts[1]),
                                parts.length > 2 && !parts[2].isBlank()
                                        ? CsvRow.parseDate(parts[2])
                                        : null));
            } catch (IllegalArgumentException | DateTimeParseException e) {
                row.error("certifications", Messages.text("organization.csv-certification", entry));
            }
        }
        return certifications;
    }

    // --- export
    // -----------------------------------------------------------------------------------

    /** The import's columns, in English, so an export can be edited and imported again. */
    private static final String CSV_QUERY =
            """
            SELECT %s,
                   (SELECT string_agg(concat_ws(':', c.kind, c.valid_from, c.valid_to, c.certificate_no), ';'
                                      ORDER BY c.valid_from, c.kind, c.valid_to, c.certificate_no)
                      FROM organization_certification c WHERE c.organization_id = o.id) AS certifications,
                   o.id, o.version, o.updated_at AS "updatedAt"
              FROM organization o
             ORDER BY o.region_code, o.uscc
            """
                    .formatted(OrganizationMapper.COLUMNS.selectAsProperties("o"));

    /** The organisation as the API shows it. */
    private static final String JSON_QUERY =
            """
            SELECT o.id, %s,
                   (SELECT coalesce(json_agg(json_strip_nulls(json_build_object('kind', c.kind,
                               'certificateNo', c.certificate_no, 'validFrom', c.valid_from, 'validTo', c.valid_to))
                           ORDER BY c.valid_from, c.kind), '[]')
                      FROM organization_certification c WHERE c.organization_id = o.id) AS certifications,
                   o.version, o.created_at AS "createdAt", o.updated_at AS "updatedAt"
              FROM organization o
             ORDER BY o.region_code, o.uscc
            """
                    .formatted(OrganizationMapper.COLUMNS.selectAsProperties("o"));

    /**
     * Streams the organisations of a region (its subtree included) and of these kinds (no filter
     * keeps all): CSV and workbooks in the import's columns, JSON lines in the API's fields, from a
     * cursor, without loading them all.
     */
    public void export(
            OutputStream out,
            BulkFormat format,
            boolean bom,
            String region,
            List<OrganizationKind> kinds) {
        ExportFilter filter =
                new ExportFilter().region("o.region_code", region).anyOf("o.kind", kinds);
        String sql =
                (format == BulkFormat.JSONL ? JSON_QUERY : CSV_QUERY)
                        .replace(
                                "FROM organization o\n",
                                "FROM organization o" + filter.where() + "\n");
        JdbcExport.stream(
                dataSource, sql, filter.params(), out, format, bom, CsvImporter.headers(COLUMNS));
    }
}
