package org.innoreg.registry.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.innoreg.registry.domain.Region;

@ApplicationScoped
public class RegionRepository implements PanacheRepositoryBase<Region, String> {

    public List<Region> childrenOf(String code) {
        return list("parentCode", Sort.by("code"), code);
    }

    public List<Region> roots() {
        return list("parentCode is null", Sort.by("code"));
    }
}
