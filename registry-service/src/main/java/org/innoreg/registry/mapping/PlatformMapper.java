package org.innoreg.registry.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.innoreg.chassis.columns.Column;
import org.innoreg.chassis.columns.Columns;
import org.innoreg.registry.domain.Platform;
import org.innoreg.registry.domain.PlatformLevel;
import org.innoreg.registry.domain.PlatformStatus;
import org.innoreg.registry.domain.PlatformType;

/**
 * A platform's fields from the entity to the API and back: where a new field is added
 * (docs/adding-a-field.md).
 */
public final class PlatformMapper {

    private PlatformMapper() {}

    /**
     * The plain fields, with the headers an import also reads (the first is a workbook's): they
     * drive the view query, the bulk insert, the exports and the imports. Hosts and the detail are
     * written out where they are used.
     */
    public static final Columns<Platform> COLUMNS =
            Columns.of(
                    Column.text("nameZh", p -> p.nameZh, (p, v) -> p.nameZh = v, "名称", "平台名称"),
                    Column.text("nameEn", p -> p.nameEn, (p, v) -> p.nameEn = v, "英文名称"),
                    Column.list("aliases", p -> p.aliases, (p, v) -> p.aliases = v, "别名"),
                    Column.choice(
                            "type",
                            PlatformType.class,
                            p -> p.type,
                            (p, v) -> p.type = v,
                            "类型",
                            "平台类型"),
                    Column.choice(
                            "level",
                            PlatformLevel.class,
                            p -> p.level,
                            (p, v) -> p.level = v,
                            "级别"),
                    Column.choice(
                            "status",
                            PlatformStatus.class,
                            p -> p.status,
                            (p, v) -> p.status = v,
                            "状态"),
                    Column.text(
                            "regionCode",
                            p -> p.regionCode,
                            (p, v) -> p.regionCode = v,
                            "地区代码",
                            "行政区划代码"),
                    Column.list("fields", p -> p.fields, (p, v) -> p.fields = v, "领域", "技术领域"),
                    Column.date(
                            "accreditedOn",
                            p -> p.accreditedOn,
                            (p, v) -> p.accreditedOn = v,
                            "认定日期",
                            "认定时间"),
                    Column.text(
                            "accreditationNo",
                            p -> p.accreditationNo,
                            (p, v) -> p.accreditationNo = v,
                            "认定文号",
                            "批准文号"),
                    Column.text("website", p -> p.website, (p, v) -> p.website = v, "网址", "网站"));

    public static PlatformView toView(Platform p) {
        return new PlatformView(
                p.id,
                p.nameZh,
                p.nameEn,
                List.copyOf(p.aliases),
                p.type,
                p.level,
                p.status,
                p.regionCode,
                List.copyOf(p.fields),
                List.copyOf(p.hostIds),
                p.accreditedOn,
                p.accreditationNo,
                p.website,
                p.detail,
                p.version,
                p.createdAt,
                p.updatedAt);
    }

    public static void apply(PlatformInput input, Platform p) {
        p.nameZh = input.nameZh().strip();
        p.nameEn = OrganizationMapper.blankToNull(input.nameEn());
        p.aliases = trimmed(input.aliases());
        p.type = input.type();
        p.level = input.level();
        p.status = input.status() == null ? PlatformStatus.ACTIVE : input.status();
        p.regionCode = input.regionCode();
        p.fields = trimmed(input.fields());
        Set<UUID> hosts = input.hostIds() == null ? Set.of() : new LinkedHashSet<>(input.hostIds());
        if (!p.hostIds.equals(hosts)) { // touch the collection only when it differs
            p.hostIds.clear();
            p.hostIds.addAll(hosts);
        }
        p.accreditedOn = input.accreditedOn();
        p.accreditationNo = OrganizationMapper.blankToNull(input.accreditationNo());
        p.website = OrganizationMapper.blankToNull(input.website());
        p.detail = input.detail();
    }

    private static List<String> trimmed(List<String> values) {
        return values == null
                ? new ArrayList<>()
                : new ArrayList<>(values.stream().map(String::strip).distinct().toList());
    }
}
