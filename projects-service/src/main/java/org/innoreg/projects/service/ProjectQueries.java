package org.innoreg.projects.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.web.Cursor;
import org.innoreg.projects.domain.Project;
import org.innoreg.projects.domain.ProjectStage;
import org.innoreg.projects.mapping.ProjectFilter;
import org.innoreg.projects.mapping.ProjectStats;
import org.innoreg.projects.repository.ProjectRepository;

/** The pipeline's reads across projects: a search page with its facets, and the yearly stats. */
@ApplicationScoped
public class ProjectQueries {

    private final ProjectRepository projects;

    ProjectQueries(ProjectRepository projects) {
        this.projects = projects;
    }

    /**
     * One page of matching projects with the sort key of each (for the next cursor); with facets,
     * the total and the counts by stage, tier and region.
     */
    public record Found(
            List<Project> projects,
            List<String> keys,
            Long total,
            Map<String, Map<String, Long>> facets) {}

    /**
     * {@code limit} rows at most, after the {@code cursor}'s position in the {@code sort} order.
     */
    public Found search(
            ProjectFilter filter, String sort, String cursor, int limit, boolean facets) {
        ProjectRepository.Sort order = ProjectRepository.Sort.fromParam(sort);
        List<String> after = cursor == null ? null : Cursor.decode(cursor, 2);
        ProjectRepository.Slice slice = projects.search(filter, order, after, limit);
        Long total = null;
        Map<String, Map<String, Long>> counts = null;
        if (facets) {
            total = projects.count(filter);
            counts = new LinkedHashMap<>();
            counts.put("stage", projects.facet(filter, "stage"));
            counts.put("tier", projects.facet(filter, "tier"));
            counts.put("region", projects.facet(filter, "region_code"));
        }
        return new Found(slice.projects(), slice.keys(), total, counts);
    }

    /**
     * Projects of a year (by {@code landedOn} or {@code signedOn}) grouped by the comma-separated
     * {@code groupBy} (tier, stage, region), and the stages they had reached by {@code asOf}.
     */
    public ProjectStats stats(int year, String groupBy, String by, String region, LocalDate asOf) {
        List<String> columns = new ArrayList<>();
        for (String group : groupBy.split(",")) {
            String column =
                    switch (group.strip()) {
                        case "tier" -> "tier";
                        case "stage" -> "stage";
                        case "region" -> "region_code";
                        case "" -> null;
                        default ->
                                throw ProblemException.invalid(
                                        "groupBy",
                                        Messages.text(
                                                "field.not-one-of",
                                                group.strip(),
                                                "tier, stage, region"));
                    };
            if (column != null && !columns.contains(column)) {
                columns.add(column);
            }
        }
        String dateColumn = by.equals("signedOn") ? "signed_on" : "landed_on";
        return ProjectStats.of(
                year,
                by,
                columns,
                projects.stats(year, dateColumn, columns, region),
                projects.reachedStages(year, dateColumn, region, asOf),
                by.equals("signedOn") ? ProjectStage.SIGNED : ProjectStage.LANDED);
    }
}
