package org.innoreg.registry.mapping;

import java.util.ArrayList;
import java.util.List;
import org.innoreg.chassis.columns.Column;
import org.innoreg.chassis.columns.Columns;
import org.innoreg.registry.domain.Certification;
import org.innoreg.registry.domain.Organization;
import org.innoreg.registry.domain.OrganizationKind;

/**
 * An organisation's fields from the entity to the API and back: where a new field is added
 * (docs/adding-a-field.md).
 */
public final class OrganizationMapper {

    private OrganizationMapper() {}

    /**
     * The plain fields, with the headers an import also reads (the first is a workbook's): they
     * drive the exports and the imports. Certifications are written out where they are used.
     */
    public static final Columns<Organization> COLUMNS =
            Columns.of(
                    Column.text("uscc", o -> o.uscc, (o, v) -> o.uscc = v, "统一社会信用代码", "信用代码"),
                    Column.text("nameZh", o -> o.nameZh, (o, v) -> o.nameZh = v, "名称", "单位名称"),
                    Column.text("nameEn", o -> o.nameEn, (o, v) -> o.nameEn = v, "英文名称"),
                    Column.list("aliases", o -> o.aliases, (o, v) -> o.aliases = v, "别名", "简称"),
                    Column.choice(
                            "kind",
                            OrganizationKind.class,
                            o -> o.kind,
                            (o, v) -> o.kind = v,
                            "类型",
                            "单位类型"),
                    Column.text(
                            "regionCode",
                            o -> o.regionCode,
                            (o, v) -> o.regionCode = v,
                            "地区代码",
                            "行政区划代码"));

    public static OrganizationView toView(Organization o) {
        return new OrganizationView(
                o.id,
                o.uscc,
                o.nameZh,
                o.nameEn,
                List.copyOf(o.aliases),
                o.kind,
                o.regionCode,
                o.certifications.stream()
                        .map(
                                c ->
                                        new CertificationInput(
                                                c.kind, c.certificateNo, c.validFrom, c.validTo))
                        .toList(),
                o.version,
                o.createdAt,
                o.updatedAt);
    }

    /**
     * Copies the input onto the entity; certification end dates default to the kind's standard
     * validity.
     */
    public static void apply(OrganizationInput input, Organization o) {
        o.uscc = input.uscc();
        o.nameZh = input.nameZh().strip();
        o.nameEn = blankToNull(input.nameEn());
        o.aliases =
                input.aliases() == null
                        ? new ArrayList<>()
                        : new ArrayList<>(input.aliases().stream().map(String::strip).toList());
        o.kind = input.kind();
        o.regionCode = input.regionCode();
        List<Certification> certifications = new ArrayList<>();
        if (input.certifications() != null) {
            for (CertificationInput in : input.certifications()) {
                Certification c = new Certification();
                c.kind = in.kind();
                c.certificateNo = blankToNull(in.certificateNo());
                c.validFrom = in.validFrom();
                c.validTo =
                        in.validTo() != null
                                ? in.validTo()
                                : in.kind()
                                        .standardValidity()
                                        .map(p -> in.validFrom().plus(p).minusDays(1))
                                        .orElse(null);
                certifications.add(c);
            }
        }
        // Touch the collection only when it differs, so an identical update is no change at all.
        // A bag (the database keeps no order): the same certifications in another order are the
        // same.
        if (o.certifications.size() != certifications.size()
                || !new java.util.HashSet<>(o.certifications)
                        .equals(new java.util.HashSet<>(certifications))) {
            o.certifications.clear();
            o.certifications.addAll(certifications);
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
