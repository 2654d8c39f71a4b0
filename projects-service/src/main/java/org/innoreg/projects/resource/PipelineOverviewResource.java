package org.innoreg.projects.resource;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.regions.KnownRegions;
import org.innoreg.chassis.regions.RegionReadModel;
import org.innoreg.chassis.validation.BureauCalendar;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.chassis.web.OpenApiDefaults;
import org.innoreg.chassis.web.Page;
import org.innoreg.projects.mapping.ProgressViews;
import org.innoreg.projects.mapping.ProjectStats;
import org.innoreg.projects.service.ProgressWatchlists;
import org.innoreg.projects.service.ProjectQueries;

/**
 * Lists across all projects (late milestones, open obstacles, overdue reviews) and the yearly
 * stats.
 */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "The industrial project pipeline")
public class PipelineOverviewResource {

    private static final String IN_REGION =
            "Only projects in this region or its descendants." + RegionReadModel.CATCH_UP;

    private final ProgressWatchlists watchlists;
    private final ProjectQueries queries;
    private final CallerViews views;
    private final KnownRegions regions;

    PipelineOverviewResource(
            ProgressWatchlists watchlists,
            ProjectQueries queries,
            CallerViews views,
            KnownRegions regions) {
        this.watchlists = watchlists;
        this.queries = queries;
        this.views = views;
        this.regions = regions;
    }

    @GET
    @Path("/late-milestones")
    @Operation(
            summary = "Milestones of all projects missed on a day",
            description =
                    "Planned before `asOf` and not met by "
                            + "then; `region` keeps the projects of a region and its descendants.")
    @APIResponse(responseCode = "200", description = "The late milestones, oldest planned first")
    @APIResponse(responseCode = "400", description = "Malformed date or region")
    public Page<ProgressViews.MilestoneView> lateMilestones(
            @Parameter(description = "Default today", example = "2019-07-01") @QueryParam("asOf")
                    LocalDate asOf,
            @Parameter(description = IN_REGION, example = "430700")
                    @QueryParam("region")
                    @RegionCode
                    String region) {
        regions.require("region", region);
        LocalDate day = asOf == null ? BureauCalendar.today() : asOf;
        return Page.of(
                watchlists.lateMilestones(day, region),
                m -> ProgressViews.MilestoneView.of(m, day));
    }

    @GET
    @Path("/open-obstacles")
    @Operation(
            summary = "Obstacles open on a day across all projects",
            description =
                    "Raised by `asOf` and not resolved by then; by owning department, minimum age and the project's "
                            + "region (descendants included), oldest first.")
    @APIResponse(responseCode = "200", description = "The open obstacles")
    @APIResponse(responseCode = "400", description = "Malformed date, age or region")
    @Extension(
            name = OpenApiDefaults.OPTIONAL_BEARER,
            value = "true") // a token shows what a bureau does not publish
    public Page<ProgressViews.ObstacleView> openObstacles(
            @Parameter(description = "Default today", example = "2019-04-01") @QueryParam("asOf")
                    LocalDate asOf,
            @Parameter(example = "State Grid Changde Power Supply Company")
                    @QueryParam("department")
                    @jakarta.validation.constraints.Size(max = 200)
                    String department,
            @Parameter(description = "Open at least this many days", example = "30")
                    @QueryParam("minAgeDays")
                    @DefaultValue("0")
                    @Min(0)
                    int minAgeDays,
            @Parameter(description = IN_REGION, example = "430700")
                    @QueryParam("region")
                    @RegionCode
                    String region) {
        regions.require("region", region);
        LocalDate day = asOf == null ? BureauCalendar.today() : asOf;
        return Page.of(
                watchlists.openObstacles(day, department, minAgeDays, region),
                o -> views.obstacle(o, day));
    }

    @GET
    @Path("/overdue-reviews")
    @Operation(
            summary = "Projects whose review is overdue on a date",
            description =
                    "Projects with a review cadence (QUARTERLY: 3 months, MONTHLY: 1 month, TEN_DAYS: 10 days), not "
                            + "yet in production or cancelled, whose last review on or before `asOf` (or, if none, their entry "
                            + "into the current stage) is older than the cadence allows. Most overdue first. `region` keeps the "
                            + "projects of a region and its descendants.")
    @APIResponse(responseCode = "200", description = "The overdue projects")
    @APIResponse(responseCode = "400", description = "Malformed date or region")
    @Extension(
            name = OpenApiDefaults.OPTIONAL_BEARER,
            value = "true") // a token shows what a bureau does not publish
    public Page<ProgressViews.Overdue> overdueReviews(
            @Parameter(description = "Day to judge on (default today)", example = "2019-04-01")
                    @QueryParam("asOf")
                    LocalDate asOf,
            @Parameter(description = IN_REGION, example = "430700")
                    @QueryParam("region")
                    @RegionCode
                    String region) {
        regions.require("region", region);
        return Page.of(
                watchlists.overdue(asOf == null ? BureauCalendar.today() : asOf, region),
                views::overdue);
    }

    @GET
    @Path("/stats")
    @Operation(
            summary = "Projects of a year by tier, stage and region",
            description =
                    "Counts and summed planned investment of the projects that landed (by=landedOn, the default) "
                            + "or were signed (by=signedOn) in the year; with tier in groupBy, `atLeast` gives the cumulative "
                            + "counts bureaus report (≥ RMB 100 M, ≥ 500 M, ≥ 1 B); `funnel` how many of them, per such tier, had "
                            + "reached each later stage of the pipeline by `asOf`, with their planned and completed investment.")
    @APIResponse(
            responseCode = "200",
            description = "Counts per group",
            content = @Content(schema = @Schema(implementation = ProjectStats.class)))
    @APIResponse(responseCode = "400", description = "Unknown group or date")
    public ProjectStats stats(
            @Parameter(example = "2018", required = true)
                    @QueryParam("year")
                    @NotNull
                    @Min(1949)
                    @Max(2100)
                    Integer year,
            @Parameter(
                            description = "Comma-separated: tier, stage, region",
                            example = "tier,stage,region")
                    @QueryParam("groupBy")
                    @DefaultValue("tier")
                    String groupBy,
            @Parameter(description = "landedOn or signedOn")
                    @QueryParam("by")
                    @DefaultValue("landedOn")
                    @Pattern(regexp = "landedOn|signedOn", message = "{innoreg.stats-by}")
                    String by,
            @Parameter(
                            description =
                                    "Region code, descendants included." + RegionReadModel.CATCH_UP,
                            example = "430700")
                    @QueryParam("region")
                    @RegionCode
                    String region,
            @Parameter(
                            description =
                                    "The day `funnel` counts the stages reached by (default today)",
                            example = "2018-12-31")
                    @QueryParam("asOf")
                    LocalDate asOf) {
        regions.require("region", region);
        return queries.stats(
                year, groupBy, by, region, asOf == null ? BureauCalendar.today() : asOf);
    }
}
