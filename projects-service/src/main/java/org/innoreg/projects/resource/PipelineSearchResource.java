package org.innoreg.projects.resource;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.regions.KnownRegions;
import org.innoreg.chassis.web.OpenApiDefaults;
import org.innoreg.chassis.web.Page;
import org.innoreg.chassis.web.QueryValues;
import org.innoreg.projects.domain.InvestmentTier;
import org.innoreg.projects.domain.ProjectStage;
import org.innoreg.projects.mapping.ProjectFilter;
import org.innoreg.projects.mapping.ProjectView;
import org.innoreg.projects.service.ProjectQueries;

/**
 * Searching the pipeline: filters, keyset pages and facets (the collection itself; the project by
 * id is {@link ProjectResource}).
 */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "The industrial project pipeline")
public class PipelineSearchResource {

    private final ProjectQueries queries;
    private final CallerViews views;
    private final KnownRegions regions;

    PipelineSearchResource(ProjectQueries queries, CallerViews views, KnownRegions regions) {
        this.queries = queries;
        this.views = views;
        this.regions = regions;
    }

    @GET
    @Operation(
            summary = "Search the pipeline",
            description =
                    "Filters combine with AND; repeat stage or tier for OR within one. `region` includes its "
                            + "descendants; `q` matches any part of the project or investor name; `investor` is an exact name or "
                            + "USCC. Pages follow `next`; `facets=true` adds the total and counts by stage, tier and region.")
    @APIResponse(responseCode = "200", description = "A page of projects")
    @APIResponse(responseCode = "400", description = "Malformed filter, sort or cursor")
    @Extension(
            name = OpenApiDefaults.OPTIONAL_BEARER,
            value = "true") // a token shows what a bureau does not publish
    public Page<ProjectView> list(
            @BeanParam @Valid PipelineFilters filters,
            @Parameter(description = "Registry platform id of the park") @QueryParam("park")
                    UUID park,
            @Parameter(example = "生物医药") @QueryParam("industryChain") @Size(max = 200)
                    String industryChain,
            @Parameter(description = "Investor name or USCC, exactly")
                    @QueryParam("investor")
                    @Size(max = 300)
                    String investor,
            @Parameter(
                            description =
                                    "Only projects last changed (the project or one of its reports, reviews, milestones "
                                            + "or obstacles) at or after this instant (RFC 3339)",
                            example = "2026-12-01T08:00:00+08:00")
                    @QueryParam("changedSince")
                    java.time.OffsetDateTime changedSince,
            @Parameter(description = "Text in the project or investor name", example = "复星")
                    @QueryParam("q")
                    @Size(min = 1, max = 100)
                    String q,
            @Parameter(description = "name, -plannedInvestment, updatedAt, -updatedAt")
                    @QueryParam("sort")
                    String sort,
            @QueryParam("cursor") @Size(max = 500) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @QueryParam("facets") @DefaultValue("false") boolean facets,
            @Context UriInfo uri) {
        regions.require("region", filters.region);
        ProjectFilter filter =
                new ProjectFilter(
                        QueryValues.anyOf(filters.stage, ProjectStage.class),
                        QueryValues.anyOf(filters.tier, InvestmentTier.class),
                        filters.region,
                        park,
                        industryChain,
                        filters.kind,
                        filters.signedYear,
                        filters.landedYear,
                        investor,
                        changedSince,
                        QueryValues.text(q));
        ProjectQueries.Found found = queries.search(filter, sort, cursor, limit + 1, facets);
        return Page.ofKeyset(
                found.projects(),
                found.keys(),
                limit,
                p -> p.id.toString(),
                views::project,
                uri,
                found.total(),
                found.facets());
    }
}
