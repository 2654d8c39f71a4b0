package org.innoreg.projects.repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.innoreg.chassis.validation.RegionCodes;
import org.innoreg.projects.domain.Project;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    public Optional<Project> findByName(String regionCode, String name) {
        return find("regionCode = ?1 and name = ?2", regionCode, name).firstResultOptional();
    }

    /**
     * Counts and planned investment of the projects that landed (or were signed) in a year, grouped by
     * the chosen columns (tier, stage, region_code), for a region and its descendants.
     */
    @SuppressWarnings("unchecked")
    public List<Object[]> stats(int year, String dateColumn, List<String> groupColumns, String region) {
        String groups = groupColumns.isEmpty() ? "" : String.join(", ", groupColumns) + ", ";
        String text = "SELECT " + groups + "count(*), sum(planned_investment), sum(completed_investment) FROM project"
                + " WHERE " + dateColumn + " >= :from AND " + dateColumn + " < :to"
                + (region == null ? "" : " AND region_code LIKE :region")
                + (groupColumns.isEmpty() ? "" : " GROUP BY " + String.join(", ", groupColumns)
                        + " ORDER BY " + String.join(", ", groupColumns));
        var query = getEntityManager().createNativeQuery(text)
                .setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year + 1, 1, 1));
        if (region != null) {
            query.setParameter("region", RegionCodes.descendantPrefix(region) + "%");
        }
        return query.getResultList();
    }
}
