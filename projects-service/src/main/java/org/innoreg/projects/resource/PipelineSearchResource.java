package org.innoreg.projects.resource;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.regions.KnownRegions;
import org.innoreg.chassis.regions.RegionReadModel;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.chassis.web.OpenApiDefaults;
import org.innoreg.chassis.web.Page;
import org.innoreg.projects.domain.InvestmentTier;
import org.innoreg.projects.domain.ProjectKind;
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
            @Parameter(description = "Stage (repeatable)") @QueryParam("stage")
                    List<ProjectStage> stages,
            @Parameter(description = "Tier (repeatable)") @QueryParam("tier")
                    List<InvestmentTier> tiers,
            @Parameter(
                            description =
                                    "Region code; its descendants are included."
                                            + RegionReadModel.CATCH_UP,
                            example = "430700")
                    @QueryParam("region")
                    @RegionCode
                    String region,
            @Parameter(description = "Registry platform id of the park") @QueryParam("park")
                    UUID park,
            @Parameter(example = "生物医药") @QueryParam("industryChain") @Size(max = 200)
                    String industryChain,
            @QueryParam("kind") ProjectKind kind,
            @Parameter(example = "2018") @QueryParam("signedYear") @Min(1949) @Max(2100)
                    Integer signedYear,
            @Parameter(example = "2018") @QueryParam("landedYear") @Min(1949) @Max(2100)
                    Integer landedYear,
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
        regions.require("region", region);
        ProjectFilter filter =
                new ProjectFilter(
                        enums(stages, ProjectStage.class),
                        enums(tiers, InvestmentTier.class),
                        region,
                        park,
                        industryChain,
                        kind,
                        signedYear,
                        landedYear,
                        investor,
                        changedSince,
                        q == null || q.isBlank() ? null : q);
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

    private static <E extends Enum<E>> java.util.Set<E> enums(List<E> values, Class<E> type) {
        java.util.EnumSet<E> set = java.util.EnumSet.noneOf(type);
        if (values != null) {
            values.stream().filter(v -> v != null).forEach(set::add);
        }
        return set;
    }
}
