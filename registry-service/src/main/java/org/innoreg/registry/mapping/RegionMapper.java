package org.innoreg.registry.mapping;

import java.util.List;
import org.innoreg.registry.domain.Region;

public final class RegionMapper {

    private RegionMapper() {}

    public static RegionView toView(Region region) {
        return toView(region, null);
    }

    public static RegionView toView(Region region, List<Region> children) {
        return new RegionView(
                region.code,
                region.nameZh,
                region.nameEn,
                region.level,
                region.parentCode,
                region.version,
                region.createdAt,
                region.updatedAt,
                children == null ? null : children.stream().map(RegionMapper::toView).toList());
    }

    public static Region toEntity(RegionInput input) {
        Region region = new Region();
        region.code = input.code();
        region.nameZh = input.nameZh().strip();
        region.nameEn = input.nameEn().strip();
        region.level = input.level();
        region.parentCode = input.parentCode();
        return region;
    }
}
