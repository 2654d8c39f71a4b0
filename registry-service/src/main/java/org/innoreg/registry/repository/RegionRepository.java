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

    /**
     * The regions no event has reported yet (every event writes an audit row with it), in code
     * order, parents before children. Holds a transaction-scoped advisory lock first, so that
     * replicas starting together do not both find them.
     */
    public List<Region> withoutEvents() {
        getEntityManager()
                .createNativeQuery(
                        "SELECT pg_advisory_xact_lock(hashtext('registry.region.seed-events'))")
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<String> codes =
                getEntityManager()
                        .createNativeQuery(
                                """
                                SELECT r.code FROM region r
                                WHERE NOT EXISTS (SELECT 1 FROM audit_log a
                                                  WHERE a.aggregate_type = 'region' AND a.aggregate_id = r.code)
                                ORDER BY r.code""")
                        .getResultList();
        return codes.isEmpty() ? List.of() : list("code in ?1", Sort.by("code"), codes);
    }
}
