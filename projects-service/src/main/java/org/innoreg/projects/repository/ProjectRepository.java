package org.innoreg.projects.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.innoreg.chassis.bulk.RegionalName;
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
    public enum Sort {
        NAME("name", "p.name", "text", false),
        PLANNED_INVESTMENT_DESC("-plannedInvestment", "p.planned_investment", "numeric", true),
        UPDATED_AT("updatedAt", "p.updated_at", "timestamptz", false),
        UPDATED_AT_DESC("-updatedAt", "p.updated_at", "timestamptz", true);

        final String param;
        final String key;
        final String sqlType;
        final boolean descending;

        Sort(String param, String key, String sqlType, boolean descending) {
            this.param = param;
            this.key = key;
            this.sqlType = sqlType;
            this.descending = descending;
        }

        public static Sort fromParam(String value) {
            for (Sort sort : values()) {
                if (sort.param.equals(value == null ? "name" : value.strip())) {
                    return sort;
                }
            }
            throw org.innoreg.chassis.problem.ProblemException.invalid(
                    "sort",
                    org.innoreg.chassis.problem.Messages.text(
                            "field.one-of", "name, -plannedInvestment, updatedAt, -updatedAt"));
        }
    }

    /** One page of matching projects and the sort key of each (for the next cursor). */
    public record Slice(List<Project> projects, List<String> keys) {}

    @SuppressWarnings("unchecked")
    public Slice search(ProjectFilter filter, Sort sort, List<String> after, int limit) {
        Map<String, Object> params = new LinkedHashMap<>();
        List<String> where = where(filter, params);
        if (after != null) {
            where.add(
                    "("
                            + sort.key
                            + ", p.id) "
                            + (sort.descending ? "<" : ">")
                            + " (CAST(:afterKey AS "
                            + sort.sqlType
                            + "), CAST(:afterId AS uuid))");
            params.put("afterKey", after.get(0));
            params.put("afterId", after.get(1));
        }
        String direction = sort.descending ? " DESC" : "";
        var query =
                getEntityManager()
                        .createNativeQuery(
                                "SELECT p.*, CAST("
                                        + sort.key
                                        + " AS text) AS sort_key FROM project p"
                                        + clause(where)
                                        + " ORDER BY "
                                        + sort.key
                                        + direction
                                        + ", p.id"
                                        + direction
                                        + " LIMIT :limit",
                                "ProjectWithSortKey");
        params.forEach(query::setParameter);
        List<Object[]> rows = query.setParameter("limit", limit).getResultList();
        return new Slice(
                rows.stream().map(r -> (Project) r[0]).toList(),
                rows.stream().map(r -> (String) r[1]).toList());
    }

    public long count(ProjectFilter filter) {
        Map<String, Object> params = new LinkedHashMap<>();
        var query =
                getEntityManager()
                        .createNativeQuery(
                                "SELECT count(*) FROM project p" + clause(where(filter, params)));
        params.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Counts of matching projects by the value of one column (stage, tier or region_code). */
    @SuppressWarnings("unchecked")
    public Map<String, Long> facet(ProjectFilter filter, String column) {
        Map<String, Object> params = new LinkedHashMap<>();
        var query =
                getEntityManager()
                        .createNativeQuery(
                                "SELECT p."
                                        + column
                                        + ", count(*) FROM project p"
                                        + clause(where(filter, params))
                                        + " GROUP BY 1 ORDER BY 2 DESC, 1");
        params.forEach(query::setParameter);
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            counts.put((String) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }

    private static List<String> where(ProjectFilter f, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        if (!f.stages().isEmpty()) {
            where.add("p.stage IN (:stages)");
            params.put("stages", f.stages().stream().map(Enum::name).toList());
        }
        if (!f.tiers().isEmpty()) {
            where.add("p.tier IN (:tiers)");
            params.put("tiers", f.tiers().stream().map(Enum::name).toList());
        }
        if (f.region() != null) {
            where.add("p.region_code LIKE :region");
            params.put("region", RegionCodes.descendantPrefix(f.region()) + "%");
        }
        if (f.park() != null) {
            where.add("p.park_platform_id = :park");
            params.put("park", f.park());
        }
        if (f.industryChain() != null) {
            where.add("p.industry_chain = :chain");
            params.put("chain", f.industryChain());
        }
        if (f.kind() != null) {
            where.add("p.kind = :kind");
            params.put("kind", f.kind().name());
        }
        if (f.signedYear() != null) {
            where.add("p.signed_on >= :signedFrom AND p.signed_on < :signedTo");
            params.put("signedFrom", LocalDate.of(f.signedYear(), 1, 1));
            params.put("signedTo", LocalDate.of(f.signedYear() + 1, 1, 1));
        }
        if (f.landedYear() != null) {
            where.add("p.landed_on >= :landedFrom AND p.landed_on < :landedTo");
            params.put("landedFrom", LocalDate.of(f.landedYear(), 1, 1));
            params.put("landedTo", LocalDate.of(f.landedYear() + 1, 1, 1));
        }
        if (f.investor() != null) {
            where.add("(p.investor_uscc = :investor OR p.investor_name = :investor)");
            params.put("investor", f.investor());
        }
        if (f.changedSince() != null) {
            where.add("p.updated_at >= :changedSince");
            params.put("changedSince", f.changedSince());
        }
        if (f.q() != null) {
            where.add("lower(p.name || ' ' || p.investor_name) LIKE :q ESCAPE '\\'");
            params.put(
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

    private static String clause(List<String> where) {
        return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
    }

    /**
     * Counts and planned investment of the projects that landed (or were signed) in a year, grouped
     * by the chosen columns (tier, stage, region_code), for a region and its descendants.
     */
    @SuppressWarnings("unchecked")
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
