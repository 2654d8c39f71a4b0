package org.innoreg.registry.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.innoreg.registry.domain.Platform;
import org.innoreg.registry.domain.PlatformStatus;

public final class PlatformMapper {

    private PlatformMapper() {}

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
        p.detail = input.detail();
    }

    private static List<String> trimmed(List<String> values) {
        return values == null
                ? new ArrayList<>()
                : new ArrayList<>(values.stream().map(String::strip).distinct().toList());
    }
}
