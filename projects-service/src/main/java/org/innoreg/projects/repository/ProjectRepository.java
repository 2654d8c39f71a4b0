package org.innoreg.projects.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.innoreg.chassis.bulk.RegionalName;
import org.innoreg.chassis.search.JdbcSearch;
import org.innoreg.chassis.search.KeysetQuery;
import org.innoreg.chassis.search.SortKey;
import org.innoreg.chassis.search.SortKey.Order;
import org.innoreg.chassis.validation.RegionCodes;
import org.innoreg.projects.domain.Project;
import org.innoreg.projects.domain.ProjectStage;
import org.innoreg.projects.mapping.ProjectFilter;

@ApplicationScoped
public class ProjectRepository implements PanacheRepositoryBase<Project, UUID> {

    public Optional<Project> findByName(String regionCode, String name) {
        return find("regionCode = ?1 and name = ?2", regionCode, name).firstResultOptional();
    }

    /**
     * The projects these keys name, by key, in one query (an import's lookup of a chunk of rows).
     */
    public Map<RegionalName, Project> findByNames(Collection<RegionalName> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        List<Project> candidates =
                list(
                        "regionCode in ?1 and name in ?2",
                        RegionalName.regionCodes(keys),
                        RegionalName.names(keys));
        return RegionalName.matching(keys, candidates, p -> new RegionalName(p.regionCode, p.name));
    }

    /** The orders a project list can take; each ends with the id, so keyset cursors are exact. */
    public enum Sort implements SortKey {
        NAME("name", "p.name", "text", false),
        PLANNED_INVESTMENT_DESC("-plannedInvestment", "p.planned_investment", "numeric", true),
        UPDATED_AT("updatedAt", "p.updated_at", "timestamptz", false),
        UPDATED_AT_DESC("-updatedAt", "p.updated_at", "timestamptz", true);

        private final Order order;

        Sort(String param, String key, String sqlType, boolean descending) {
            this.order = new Order(param, key, sqlType, descending);
        }

        @Override
        public Order order() {
            return order;
        }

        public static Sort fromParam(String value) {
            return SortKey.named(values(), value == null ? NAME.param() : value);
        }
    }

    /** One page of matching projects and the sort key of each (for the next cursor). */
    public record Slice(List<Project> projects, List<String> keys) {}

    @SuppressWarnings("unchecked")
    public Slice search(ProjectFilter filter, Sort sort, List<String> after, int limit) {
        KeysetQuery query = where(filter).page(sort, after, limit);
        List<Object[]> rows =
                JdbcSearch.query(getEntityManager(), query, query.page("p.*"), "ProjectWithSortKey")
                        .getResultList();
        return new Slice(
                rows.stream().map(r -> (Project) r[0]).toList(),
                rows.stream().map(r -> (String) r[1]).toList());
    }

    public long count(ProjectFilter filter) {
        return JdbcSearch.count(getEntityManager(), where(filter));
    }

    /** Counts of matching projects by the value of one column (stage, tier or region_code). */
    public Map<String, Long> facet(ProjectFilter filter, String column) {
        return JdbcSearch.facet(getEntityManager(), where(filter), "p." + column);
    }

    private static KeysetQuery where(ProjectFilter f) {
        KeysetQuery where = new KeysetQuery("project p", "p.id");
        if (!f.stages().isEmpty()) {
            where.and(
                    "p.stage IN (:stages)", "stages", f.stages().stream().map(Enum::name).toList());
        }
        if (!f.tiers().isEmpty()) {
            where.and("p.tier IN (:tiers)", "tiers", f.tiers().stream().map(Enum::name).toList());
        }
        if (f.region() != null) {
            where.and(
                    "p.region_code LIKE :region",
                    "region",
                    RegionCodes.descendantPrefix(f.region()) + "%");
        }
        if (f.park() != null) {
            where.and("p.park_platform_id = :park", "park", f.park());
        }
        if (f.industryChain() != null) {
            where.and("p.industry_chain = :chain", "chain", f.industryChain());
        }
        if (f.kind() != null) {
            where.and("p.kind = :kind", "kind", f.kind().name());
        }
        if (f.signedYear() != null) {
            where.and("p.signed_on >= :signedFrom AND p.signed_on < :signedTo")
                    .bind("signedFrom", LocalDate.of(f.signedYear(), 1, 1))
                    .bind("signedTo", LocalDate.of(f.signedYear() + 1, 1, 1));
        }
        if (f.landedYear() != null) {
            where.and("p.landed_on >= :landedFrom AND p.landed_on < :landedTo")
                    .bind("landedFrom", LocalDate.of(f.landedYear(), 1, 1))
                    .bind("landedTo", LocalDate.of(f.landedYear() + 1, 1, 1));
        }
        if (f.investor() != null) {
            where.and(
                    "(p.investor_uscc = :investor OR p.investor_name = :investor)",
                    "investor",
                    f.investor());
        }
        if (f.changedSince() != null) {
            where.and("p.updated_at >= :changedSince", "changedSince", f.changedSince());
        }
        if (f.q() != null) {
            where.and(
                    "lower(p.name || ' ' || p.investor_name) LIKE :q ESCAPE '\\'",
                    "q",
                    "%"
                            + f.q().strip()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_")
                            + "%");
        }
        return where;
    }

    /**
     * The projects the year's {@code dateColumn} places in it, per tier and the farthest stage of
     * the main line each had reached by {@code asOf} (its count, planned and completed investment).
     * Every stage a project entered is a dated transition (its entry into the pipeline included),
     * so the farthest is the furthest main-line stage of its transitions on or before {@code asOf};
     * a stalled or cancelled project keeps the stages it reached. Its signing and landing dates
     * count too, so that a project imported straight into construction with a landing date has
     * landed by then. Rows: tier, farthest stage's position in {@link ProjectStage} (0 = LEAD),
     * count, planned sum, completed sum; a project that had reached no main-line stage by then is
     * in none.
     */
    public List<Object[]> reachedStages(
            int year, String dateColumn, String region, LocalDate asOf) {
        String mainLine =
                Arrays.stream(ProjectStage.values())
                        .filter(stage -> stage.ordinal() <= ProjectStage.IN_PRODUCTION.ordinal())
                        .map(stage -> "'" + stage.name() + "'")
                        .collect(Collectors.joining(",", "ARRAY[", "]"));
        String text =
                "SELECT tier, reached, count(*), sum(planned_investment), sum(completed_investment) FROM ("
                        + " SELECT p.tier, p.planned_investment, p.completed_investment, GREATEST("
                        + " (SELECT max(array_position("
                        + mainLine
                        + ", t.to_stage)) FROM project_transition t"
                        + " WHERE t.project_id = p.id AND t.on_date <= :asOf),"
                        + " CASE WHEN p.landed_on <= :asOf THEN array_position("
                        + mainLine
                        + ", 'LANDED') END,"
                        + " CASE WHEN p.signed_on <= :asOf THEN array_position("
                        + mainLine
                        + ", 'SIGNED') END) - 1 AS reached"
                        + " FROM project p WHERE p."
                        + dateColumn
                        + " >= :from AND p."
                        + dateColumn
                        + " < :to"
                        + (region == null ? "" : " AND p.region_code LIKE :region")
                        + ") reached_stage WHERE reached IS NOT NULL GROUP BY tier, reached ORDER BY tier, reached";
        return inYear(text, year, region, Map.of("asOf", asOf));
    }

    /**
     * Counts and planned investment of the projects that landed (or were signed) in a year, grouped
     * by the chosen columns (tier, stage, region_code), for a region and its descendants.
     */
    public List<Object[]> stats(
            int year, String dateColumn, List<String> groupColumns, String region) {
        String groups = groupColumns.isEmpty() ? "" : String.join(", ", groupColumns) + ", ";
        String text =
                "SELECT "
                        + groups
                        + "count(*), sum(planned_investment), sum(completed_investment) FROM project"
                        + " WHERE "
                        + dateColumn
                        + " >= :from AND "
                        + dateColumn
                        + " < :to"
                        + (region == null ? "" : " AND region_code LIKE :region")
                        + (groupColumns.isEmpty()
                                ? ""
                                : " GROUP BY "
                                        + String.join(", ", groupColumns)
                                        + " ORDER BY "
                                        + String.join(", ", groupColumns));
        return inYear(text, year, region, Map.of());
    }

    /**
     * Runs a statement whose {@code :from}, {@code :to} bound a year, whose {@code :region} (if
     * any) is a subtree, and whose other parameters are {@code more}.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> inYear(String text, int year, String region, Map<String, Object> more) {
        var query =
                getEntityManager()
                        .createNativeQuery(text)
                        .setParameter("from", LocalDate.of(year, 1, 1))
                        .setParameter("to", LocalDate.of(year + 1, 1, 1));
        more.forEach(query::setParameter);
        if (region != null) {
            query.setParameter("region", RegionCodes.descendantPrefix(region) + "%");
        }
        return query.getResultList();
    }
}
