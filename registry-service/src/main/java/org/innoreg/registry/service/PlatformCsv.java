package org.innoreg.registry.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.innoreg.chassis.bulk.CsvImporter;
import org.innoreg.chassis.bulk.CsvRow;
import org.innoreg.chassis.bulk.RegionalName;
import org.innoreg.chassis.columns.ColumnsImport;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.registry.domain.Academy;
import org.innoreg.registry.domain.Platform;
import org.innoreg.registry.domain.PlatformDetail;
import org.innoreg.registry.mapping.PlatformInput;
import org.innoreg.registry.mapping.PlatformMapper;
import org.innoreg.registry.repository.PlatformRepository;

/**
 * Platforms as CSV, both ways. Import columns may be named in English (as exported) or Chinese;
 * hosts and alliance members are given by USCC or exact name; academicians as {@code
 * name:academy:field}; list cells are separated by ';'. The export ({@link PlatformExport}) writes
 * the same columns, so an export can be edited and imported again.
 */
@ApplicationScoped
public class PlatformCsv extends ColumnsImport<PlatformInput, RegionalName, Platform> {

    /**
     * The import's columns by every name a file may give them; the export's too ({@link
     * PlatformExport}).
     */
    static final Map<String, String> COLUMNS =
            CsvImporter.columns(
                    PlatformMapper.COLUMNS.fileNames(
                            new String[] {"hosts", "依托单位"},
                            new String[] {"partnerEnterprise", "合作企业"},
                            new String[] {"floorAreaM2", "场地面积"},
                            new String[] {"tenants", "在孵企业数"},
                            new String[] {"graduates", "毕业企业数"},
                            new String[] {"academicians", "院士"},
                            new String[] {"members", "成员单位"},
                            // a row with an id updates that platform (a changed name is a rename);
                            // without one, region and name tell which platform it is
                            new String[] {"id", "编号"},
                            // written by the export, ignored on import
                            new String[] {"version"},
                            new String[] {"updatedAt"}));

    private final PlatformReferences references;
    private final OrganizationLookup organizations;

    PlatformCsv(
            PlatformService service,
            PlatformReferences references,
            PlatformRepository platforms,
            OrganizationLookup organizations) {
        super(
                PlatformInput.class,
                PlatformMapper.COLUMNS,
                COLUMNS,
                new Records<>(
                        p -> p.id,
                        ids -> platforms.list("id in ?1", ids),
                        input -> RegionalName.of(input.regionCode(), input.nameZh()),
                        platforms::findByNames,
                        PlatformInput::regionCode,
                        service::replaceFromImport,
                        service::createAll));
        this.references = references;
        this.organizations = organizations;
    }

    @Override
    protected void readOthers(CsvRow row, Map<String, Object> values) {
        values.put("hostIds", organizationIds(row, "hosts"));
        values.put(
                "detail",
                anyOf(
                        new PlatformDetail(
                                academicians(row),
                                row.text("partnerEnterprise"),
                                row.decimal("floorAreaM2"),
                                row.integer("tenants"),
                                row.integer("graduates"),
                                organizationIds(row, "members"))));
    }

    private static final PlatformDetail NO_DETAIL =
            new PlatformDetail(null, null, null, null, null, null);

    /** The hosts and each part of the detail the file does not carry stay as stored. */
    @Override
    protected void keepOthers(
            PlatformInput in, Platform p, CsvImporter.Columns c, Map<String, Object> values) {
        values.put("hostIds", c.pick("hosts", in.hostIds(), List.copyOf(p.hostIds)));
        if (c.hasAny(
                "academicians",
                "partnerEnterprise",
                "floorAreaM2",
                "tenants",
                "graduates",
                "members")) {
            PlatformDetail file = in.detail() == null ? NO_DETAIL : in.detail();
            PlatformDetail stored = p.detail == null ? NO_DETAIL : p.detail;
            values.put(
                    "detail",
                    anyOf(
                            new PlatformDetail(
                                    c.pick(
                                            "academicians",
                                            file.academicians(),
                                            stored.academicians()),
                                    c.pick(
                                            "partnerEnterprise",
                                            file.partnerEnterprise(),
                                            stored.partnerEnterprise()),
                                    c.pick("floorAreaM2", file.floorAreaM2(), stored.floorAreaM2()),
                                    c.pick("tenants", file.tenants(), stored.tenants()),
                                    c.pick("graduates", file.graduates(), stored.graduates()),
                                    c.pick(
                                            "members",
                                            file.memberOrganizationIds(),
                                            stored.memberOrganizationIds()))));
        } else {
            values.put("detail", p.detail);
        }
    }

    /** The detail, or null when it has none of its parts. */
    private static PlatformDetail anyOf(PlatformDetail detail) {
        return detail.hasWorkstationDetail()
                        || detail.hasIncubatorDetail()
                        || detail.hasAllianceDetail()
                ? detail
                : null;
    }

    @Override
    public String columnOf(String field) {
        return switch (field) {
            case "hostIds" -> "hosts";
            case "memberOrganizationIds" -> "members";
            default -> null;
        };
    }

    @Override
    public List<Problem.FieldError> check(PlatformInput input, Platform existing) {
        return references.errors(input);
    }

    private List<UUID> organizationIds(CsvRow row, String column) {
        List<String> references = row.list(column);
        if (references == null) {
            return null;
        }
        List<UUID> ids = new ArrayList<>();
        for (String reference : references) {
            organizations
                    .idOf(reference)
                    .ifPresentOrElse(
                            ids::add,
                            () -> row.error(column, Messages.text("platform.csv-host", reference)));
        }
        return ids;
    }

    private static List<PlatformDetail.Academician> academicians(CsvRow row) {
        List<String> entries = row.list("academicians");
        if (entries == null) {
            return null;
        }
        List<PlatformDetail.Academician> academicians = new ArrayList<>();
        for (String entry : entries) {
            String[] parts = entry.split("[:：]", 3);
            Academy academy = parts.length > 1 ? academy(parts[1].strip()) : null;
            if (academy == null) {
                row.error("academicians", Messages.text("platform.csv-academician", entry));
                continue;
            }
            academicians.add(
                    new PlatformDetail.Academician(
                            parts[0].strip(), academy, parts.length > 2 ? parts[2].strip() : null));
        }
        return academicians;
    }

    private static Academy academy(String text) {
        return switch (text.toUpperCase()) {
            case "CAS", "中国科学院" -> Academy.CAS;
            case "CAE", "中国工程院" -> Academy.CAE;
            default -> null;
        };
    }
}
