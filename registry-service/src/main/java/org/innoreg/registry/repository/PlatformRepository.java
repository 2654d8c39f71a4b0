package org.innoreg.registry.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.innoreg.chassis.bulk.RegionalName;
import org.innoreg.registry.domain.Platform;

/**
 * Platform entities for writes: by id, by region and name. Search pages, counts and facets are
 * {@link PlatformSearch}'s, counts on a date {@link PlatformStatsQuery}'s, an import's bulk insert
 * {@link PlatformBulkInsert}'s.
 */
@ApplicationScoped
public class PlatformRepository implements PanacheRepositoryBase<Platform, UUID> {

    public Optional<Platform> findByName(String regionCode, String nameZh) {
        return find("regionCode = ?1 and nameZh = ?2", regionCode, nameZh).firstResultOptional();
    }

    /**
     * The platforms these keys name, by key, in one query (an import's lookup of a chunk of rows).
     */
    public Map<RegionalName, Platform> findByNames(Collection<RegionalName> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<Platform> candidates =
                list(
                        "regionCode in ?1 and nameZh in ?2",
                        RegionalName.regionCodes(keys),
                        RegionalName.names(keys));
        return RegionalName.matching(
                keys, candidates, p -> new RegionalName(p.regionCode, p.nameZh));
    }
}
