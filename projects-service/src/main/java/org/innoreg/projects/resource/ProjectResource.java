package org.innoreg.projects.resource;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.bulk.BulkExport;
import org.innoreg.chassis.bulk.BulkFormat;
import org.innoreg.chassis.bulk.CsvImporter;
import org.innoreg.chassis.bulk.ImportReport;
import org.innoreg.chassis.bulk.JdbcExport;
import org.innoreg.chassis.events.AuditLog;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.regions.KnownRegions;
import org.innoreg.chassis.regions.RegionReadModel;
import org.innoreg.chassis.security.Caller;
import org.innoreg.chassis.security.Roles;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.chassis.web.Cursor;
import org.innoreg.chassis.web.ETags;
import org.innoreg.chassis.web.IdempotentRequests;
import org.innoreg.chassis.web.OpenApiDefaults;
import org.innoreg.chassis.web.Page;
import org.innoreg.chassis.write.ExpectedVersion;
import org.innoreg.projects.domain.InvestmentTier;
import org.innoreg.projects.domain.Obstacle;
import org.innoreg.projects.domain.Project;
import org.innoreg.projects.domain.ProjectKind;
import org.innoreg.projects.domain.ProjectStage;
import org.innoreg.projects.events.ProjectEvents;
import org.innoreg.projects.mapping.MilestoneInput;
import org.innoreg.projects.mapping.ObstacleInput;
import org.innoreg.projects.mapping.ProgressViews;
import org.innoreg.projects.mapping.ProjectInput;
import org.innoreg.projects.mapping.ProjectMapper;
import org.innoreg.projects.mapping.ProjectStats;
import org.innoreg.projects.mapping.ProjectView;
import org.innoreg.projects.mapping.ReportInput;
import org.innoreg.projects.mapping.ResolutionInput;
import org.innoreg.projects.mapping.ReviewInput;
import org.innoreg.projects.mapping.TransitionInput;
import org.innoreg.projects.mapping.TransitionView;
import org.innoreg.projects.repository.ProjectFilter;
import org.innoreg.projects.repository.ProjectRepository;
import org.innoreg.projects.service.ProgressService;
import org.innoreg.projects.service.ProjectCsv;
import org.innoreg.projects.service.ProjectService;

@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "The industrial project pipeline")
public class ProjectResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    private final ProjectService service;
    private final ProjectRepository projects;
    private final ProjectCsv csv;
    private final CsvImporter importer;
    private final IdempotentRequests idempotent;
    private final ProgressService progress;
    private final AgroalDataSource dataSource;
    private final AuditLog audit;
    private final Caller caller;

    private final KnownRegions regions;

    ProjectResource(
            ProjectService service,
            ProjectRepository projects,
            ProjectCsv csv,
            CsvImporter importer,
            IdempotentRequests idempotent,
            ProgressService progress,
            AgroalDataSource dataSource,
            AuditLog audit,
            Caller caller,
            KnownRegions regions) {
        this.regions = regions;
        this.caller = caller;
        this.audit = audit;
        this.progress = progress;
        this.dataSource = dataSource;
        this.service = service;
        this.projects = projects;
        this.csv = csv;
        this.importer = importer;
        this.idempotent = idempotent;
    }

    @GET
    @Operation(
            summary = "Search the pipeline",
            description =
                    "Filters combine with AND; repeat stage or tier for OR within one. `region` includes its "
                            + "descendants; `q` matches any part of the project or investor name; `investor` is an exact name or "
                            + "USCC. Pages follow `next`; `facets=true` adds the total and counts by stage, tier and region.")
    @APIResponse(responseCode = "200", description = "A page of projects")
    @APIResponse(
            responseCode = "400",
            description = "Malformed filter, sort or cursor",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
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
        ProjectRepository.Sort order = ProjectRepository.Sort.fromParam(sort);
        List<String> after = cursor == null ? null : Cursor.decode(cursor, 2);
        ProjectRepository.Slice slice = projects.search(filter, order, after, limit + 1);
        Long total = null;
        java.util.Map<String, java.util.Map<String, Long>> counts = null;
        if (facets) {
            total = projects.count(filter);
            counts = new java.util.LinkedHashMap<>();
            counts.put("stage", projects.facet(filter, "stage"));
            counts.put("tier", projects.facet(filter, "tier"));
            counts.put("region", projects.facet(filter, "region_code"));
        }
        return Page.ofKeyset(
                slice.projects(),
                slice.keys(),
                limit,
                p -> p.id.toString(),
                this::view,
                uri,
                total,
                counts);
    }

    private static <E extends Enum<E>> java.util.Set<E> enums(List<E> values, Class<E> type) {
        java.util.EnumSet<E> set = java.util.EnumSet.noneOf(type);
        if (values != null) {
            values.stream().filter(v -> v != null).forEach(set::add);
        }
        return set;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a project")
    @APIResponse(
            responseCode = "200",
            description = "The project; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such project",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class)))
    @Extension(
            name = OpenApiDefaults.OPTIONAL_BEARER,
            value = "true") // a token shows what a bureau does not publish
    public Response get(@PathParam("id") UUID id) {
        Project project = service.get(id);
        return Response.ok(view(project)).tag(ETags.of(project.version)).build();
    }

    @RolesAllowed({Roles.PROJECTS_EDITOR, Roles.ADMIN})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Add a project to the pipeline",
            description =
                    "The project starts as a LEAD; "
                            + "its tier follows from the planned investment. Emits org.innoreg.projects.project.created.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The region already has a project of that name",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description =
                    "Inconsistent entry stage and dates, or an Idempotency-Key "
                            + "reused for another request",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @RequestBody(
            content =
                    @Content(
                            examples = {
                                @ExampleObject(
                                        name =
                                                "Shanghai Fosun biomedicine base (strategic investor)",
                                        value = FOSUN),
                                @ExampleObject(
                                        name =
                                                "Technology-transfer project signed at an achievement-transfer meeting",
                                        value = TRANSFER)
                            }))
    public Response create(
            @Parameter(
                            description =
                                    "Makes a retried create return the first response instead of a duplicate")
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @NotNull(message = "{innoreg.body-required}") @Valid ProjectInput input) {
        return idempotent.run(
                idempotencyKey,
                "POST",
                "/api/v1/projects",
                input,
                () -> {
                    Project project = service.create(input);
                    return Response.created(URI.create("/api/v1/projects/" + project.id))
                            .tag(ETags.of(project.version))
                            .entity(view(project))
                            .build();
                });
    }

    @RolesAllowed({Roles.PROJECTS_EDITOR, Roles.ADMIN})
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace what describes a project",
            description =
                    "Needs If-Match. The stage is not "
                            + "changed here (use transitions). Emits org.innoreg.projects.project.updated when something changed.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(
            responseCode = "412",
            description = "Stale If-Match",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description =
                    "A planned investment the completed one is more than "
                            + "innoreg.projects.rules.max-completed-to-planned (3) times of (type implausible-value, rule "
                            + "completed-investment-above-planned): nothing is stored",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response update(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = ETags.IF_MATCH) @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull(message = "{innoreg.body-required}") @Valid ProjectInput input) {
        Project project = service.update(id, ExpectedVersion.ifMatch(ifMatch), input);
        return Response.ok(view(project)).tag(ETags.of(project.version)).build();
    }

    @RolesAllowed({Roles.PROJECTS_EDITOR, Roles.ADMIN})
    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete a project entered by mistake",
            description =
                    "Needs If-Match. Removes it with its reports, reviews, milestones and obstacles. A project "
                            + "that was given up is moved to CANCELLED (a transition), not deleted. Emits "
                            + "org.innoreg.projects.project.deleted with its last state and the next version as its sequence.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "404",
            description = "No such project",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "Stale If-Match",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response delete(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = ETags.IF_MATCH) @HeaderParam("If-Match")
                    String ifMatch) {
        service.delete(id, ExpectedVersion.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    @RolesAllowed({Roles.PROJECTS_EDITOR, Roles.ADMIN})
    @POST
    @Path("/{id}/transitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Move a project to another stage",
            description =
                    "Legal moves: LEAD → NEGOTIATING → SIGNED → LANDED → UNDER_CONSTRUCTION → IN_PRODUCTION; "
                            + "any of the first five → STALLED → back to the stage it left; anything but IN_PRODUCTION → "
                            + "CANCELLED. Dates cannot go backwards. If-Match is optional here. Emits "
                            + "org.innoreg.projects.project.stage-changed.")
    @APIResponse(
            responseCode = "200",
            description = "The project at its new stage",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Not a legal move; `allowed` lists the stages it can move to",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "A date before the current stage's",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response transition(
            @PathParam("id") UUID id,
            @Parameter(
                            description =
                                    "Optional here: the ETag of your last read; a stale one is refused (412)")
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull(message = "{innoreg.body-required}") @Valid TransitionInput input) {
        Project project = service.transition(id, ExpectedVersion.ifMatchOptional(ifMatch), input);
        return Response.ok(view(project)).tag(ETags.of(project.version)).build();
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "A project's stage transitions, oldest first")
    @APIResponse(responseCode = "200", description = "The transitions")
    @APIResponse(
            responseCode = "404",
            description = "No such project",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<TransitionView> history(@PathParam("id") UUID id) {
        return Page.of(service.history(id).stream().map(TransitionView::of).toList());
    }

    @RolesAllowed({Roles.PROJECTS_EDITOR, Roles.ADMIN})
    @POST
    @Path("/{id}/investment-reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report a month's cumulative investment completed",
            description =
                    "A month is reported once (409); the cumulative figure cannot fall from one month to a later "
                            + "one (422). Emits org.innoreg.projects.project.investment-reported.")
    @APIResponse(
            responseCode = "200",
            description = "The project with its completed investment",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(
            responseCode = "409",
            description = "That month is already reported",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description =
                    "Lower than an earlier month's figure, or more than "
                            + "innoreg.projects.rules.max-completed-to-planned (3) times the planned investment (type implausible-value, "
                            + "rule completed-investment-above-planned): nothing is stored",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response report(
            @PathParam("id") UUID id,
            @NotNull(message = "{innoreg.body-required}") @Valid ReportInput input) {
        Project project = progress.report(id, input);
        return Response.ok(view(project)).tag(ETags.of(project.version)).build();
    }

    @GET
    @Path("/{id}/investment-reports")
    @Operation(summary = "A project's monthly investment reports, by month")
    @APIResponse(responseCode = "200", description = "The reports")
    public Page<ProgressViews.Report> reports(@PathParam("id") UUID id) {
        return Page.of(
                progress.reports(id).stream()
                        .map(
                                r ->
                                        new ProgressViews.Report(
                                                java.time.YearMonth.from(r.month).toString(),
                                                r.cumulative,
                                                r.note))
                        .toList());
    }

    @RolesAllowed({Roles.PROJECTS_EDITOR, Roles.ADMIN})
    @POST
    @Path("/{id}/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a supervision review",
            description = "Emits org.innoreg.projects.project.reviewed.")
    @APIResponse(
            responseCode = "200",
            description = "The project with its last review date",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response review(
            @PathParam("id") UUID id,
            @NotNull(message = "{innoreg.body-required}") @Valid ReviewInput input) {
        Project project = progress.review(id, input);
        return Response.ok(view(project)).tag(ETags.of(project.version)).build();
    }

    @GET
    @Path("/{id}/reviews")
    @Operation(summary = "A project's supervision reviews, oldest first")
    @APIResponse(responseCode = "200", description = "The reviews")
    @Extension(
            name = OpenApiDefaults.OPTIONAL_BEARER,
            value = "true") // a token shows what a bureau does not publish
    public Page<ProgressViews.Review> reviews(@PathParam("id") UUID id) {
        return Page.of(
                progress.reviews(id).stream()
                        .map(r -> new ProgressViews.Review(r.reviewedOn, r.reviewer, r.summary))
                        .map(r -> caller.isReader() ? r : r.forPublic())
                        .toList());
    }

    @RolesAllowed({Roles.PROJECTS_EDITOR, Roles.ADMIN})
    @POST
    @Path("/{id}/milestones")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Plan a milestone",
            description = "Emits org.innoreg.projects.project.milestone-changed.")
    @APIResponse(
            responseCode = "201",
            description = "The milestone",
            content =
                    @Content(schema = @Schema(implementation = ProgressViews.MilestoneView.class)))
    public Response addMilestone(
            @PathParam("id") UUID id,
            @NotNull(message = "{innoreg.body-required}") @Valid MilestoneInput input) {
        var milestone = progress.addMilestone(id, input);
        return Response.created(
                        URI.create("/api/v1/projects/" + id + "/milestones/" + milestone.id))
                .entity(ProgressViews.MilestoneView.of(milestone, java.time.LocalDate.now()))
                .build();
    }

    @RolesAllowed({Roles.PROJECTS_EDITOR, Roles.ADMIN})
    @PUT
    @Path("/{id}/milestones/{milestoneId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replan a milestone or record when it was met",
            description = "Emits org.innoreg.projects.project.milestone-changed.")
    @APIResponse(
            responseCode = "200",
            description = "The milestone",
            content =
                    @Content(schema = @Schema(implementation = ProgressViews.MilestoneView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such milestone of this project",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ProgressViews.MilestoneView updateMilestone(
            @PathParam("id") UUID id,
            @PathParam("milestoneId") long milestoneId,
            @NotNull(message = "{innoreg.body-required}") @Valid MilestoneInput input) {
        return ProgressViews.MilestoneView.of(
                progress.updateMilestone(id, milestoneId, input), java.time.LocalDate.now());
    }

    @GET
    @Path("/{id}/milestones")
    @Operation(summary = "A project's milestones, with their status on a day")
    @APIResponse(responseCode = "200", description = "The milestones")
    public Page<ProgressViews.MilestoneView> milestones(
            @PathParam("id") UUID id,
            @Parameter(description = "Day the statuses are for (default today)") @QueryParam("asOf")
                    java.time.LocalDate asOf) {
        java.time.LocalDate day = asOf == null ? java.time.LocalDate.now() : asOf;
        return Page.of(
                progress.milestones(id).stream()
                        .map(m -> ProgressViews.MilestoneView.of(m, day))
                        .toList());
    }

    @GET
    @Path("/late-milestones")
    @Operation(
            summary = "Milestones of all projects missed on a day",
            description =
                    "Planned before `asOf` and not met by "
                            + "then; `region` keeps the projects of a region and its descendants.")
    @APIResponse(responseCode = "200", description = "The late milestones, oldest planned first")
    @APIResponse(
            responseCode = "400",
            description = "Malformed date or region",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<ProgressViews.MilestoneView> lateMilestones(
            @Parameter(description = "Default today", example = "2019-07-01") @QueryParam("asOf")
                    java.time.LocalDate asOf,
            @Parameter(
                            description =
                                    "Only projects in this region or its descendants."
                                            + RegionReadModel.CATCH_UP,
                            example = "430700")
                    @QueryParam("region")
                    @RegionCode
                    String region) {
        regions.require("region", region);
        java.time.LocalDate day = asOf == null ? java.time.LocalDate.now() : asOf;
        return Page.of(
                progress.lateMilestones(day, region).stream()
                        .map(m -> ProgressViews.MilestoneView.of(m, day))
                        .toList());
    }

    @RolesAllowed({Roles.PROJECTS_EDITOR, Roles.ADMIN})
    @POST
    @Path("/{id}/obstacles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Raise an obstacle",
            description = "Emits org.innoreg.projects.project.obstacle-changed.")
    @APIResponse(
            responseCode = "201",
            description = "The obstacle",
            content = @Content(schema = @Schema(implementation = ProgressViews.ObstacleView.class)))
    public Response raise(
            @PathParam("id") UUID id,
            @NotNull(message = "{innoreg.body-required}") @Valid ObstacleInput input) {
        var obstacle = progress.raise(id, input);
        return Response.created(URI.create("/api/v1/projects/" + id + "/obstacles/" + obstacle.id))
                .entity(obstacle(obstacle, java.time.LocalDate.now()))
                .build();
    }

    @RolesAllowed({Roles.PROJECTS_EDITOR, Roles.ADMIN})
    @POST
    @Path("/{id}/obstacles/{obstacleId}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record that an obstacle was resolved",
            description = "Emits org.innoreg.projects.project.obstacle-changed.")
    @APIResponse(
            responseCode = "200",
            description = "The obstacle",
            content = @Content(schema = @Schema(implementation = ProgressViews.ObstacleView.class)))
    @APIResponse(
            responseCode = "409",
            description = "Already resolved",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ProgressViews.ObstacleView resolve(
            @PathParam("id") UUID id,
            @PathParam("obstacleId") long obstacleId,
            @NotNull(message = "{innoreg.body-required}") @Valid ResolutionInput input) {
        return obstacle(progress.resolve(id, obstacleId, input), java.time.LocalDate.now());
    }

    @GET
    @Path("/{id}/obstacles")
    @Operation(summary = "A project's obstacles, oldest first")
    @APIResponse(responseCode = "200", description = "The obstacles")
    @Extension(
            name = OpenApiDefaults.OPTIONAL_BEARER,
            value = "true") // a token shows what a bureau does not publish
    public Page<ProgressViews.ObstacleView> obstacles(@PathParam("id") UUID id) {
        java.time.LocalDate today = java.time.LocalDate.now();
        return Page.of(progress.obstacles(id).stream().map(o -> obstacle(o, today)).toList());
    }

    @GET
    @Path("/open-obstacles")
    @Operation(
            summary = "Obstacles open on a day across all projects",
            description =
                    "Raised by `asOf` and not resolved by then; by owning department, minimum age and the project's "
                            + "region (descendants included), oldest first.")
    @APIResponse(responseCode = "200", description = "The open obstacles")
    @APIResponse(
            responseCode = "400",
            description = "Malformed date, age or region",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @Extension(
            name = OpenApiDefaults.OPTIONAL_BEARER,
            value = "true") // a token shows what a bureau does not publish
    public Page<ProgressViews.ObstacleView> openObstacles(
            @Parameter(description = "Default today", example = "2019-04-01") @QueryParam("asOf")
                    java.time.LocalDate asOf,
            @Parameter(example = "State Grid Changde Power Supply Company")
                    @QueryParam("department")
                    @jakarta.validation.constraints.Size(max = 200)
                    String department,
            @Parameter(description = "Open at least this many days", example = "30")
                    @QueryParam("minAgeDays")
                    @DefaultValue("0")
                    @Min(0)
                    int minAgeDays,
            @Parameter(
                            description =
                                    "Only projects in this region or its descendants."
                                            + RegionReadModel.CATCH_UP,
                            example = "430700")
                    @QueryParam("region")
                    @RegionCode
                    String region) {
        regions.require("region", region);
        java.time.LocalDate day = asOf == null ? java.time.LocalDate.now() : asOf;
        return Page.of(
                progress.openObstacles(day, department, minAgeDays, region).stream()
                        .map(o -> obstacle(o, day))
                        .toList());
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
    @APIResponse(
            responseCode = "400",
            description = "Malformed date or region",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @Extension(
            name = OpenApiDefaults.OPTIONAL_BEARER,
            value = "true") // a token shows what a bureau does not publish
    public Page<ProgressViews.Overdue> overdueReviews(
            @Parameter(description = "Day to judge on (default today)", example = "2019-04-01")
                    @QueryParam("asOf")
                    java.time.LocalDate asOf,
            @Parameter(
                            description =
                                    "Only projects in this region or its descendants."
                                            + RegionReadModel.CATCH_UP,
                            example = "430700")
                    @QueryParam("region")
                    @RegionCode
                    String region) {
        regions.require("region", region);
        return Page.of(
                progress.overdue(asOf == null ? java.time.LocalDate.now() : asOf, region).stream()
                        .map(o -> caller.isReader() ? o : o.forPublic())
                        .toList());
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
    @APIResponse(
            responseCode = "400",
            description = "Unknown group or date",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
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
                    java.time.LocalDate asOf) {
        regions.require("region", region);
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
                projects.reachedStages(
                        year, dateColumn, region, asOf == null ? java.time.LocalDate.now() : asOf),
                by.equals("signedOn") ? ProjectStage.SIGNED : ProjectStage.LANDED);
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", "application/jsonl", BulkFormat.XLSX_TYPE})
    @Operation(
            summary = "Export the pipeline, with the list's filters",
            description =
                    "Streams the projects the list's filters keep (`region` with its subtree, `stage`, `tier`, `kind`, "
                            + "`signedYear`, `landedYear`; all without filters), as CSV in the import's format (`format=csv`), an Excel "
                            + "workbook of the same columns (`format=xlsx`) or JSON lines (`format=jsonl`). "
                            + "What is not published (the supervising `responsibleOfficial`) is exported to authenticated readers "
                            + "only: for anyone else the column (and the JSON field) is left out, not blank, so importing such a "
                            + "file with a token keeps the stored officials.")
    // one content per @Produces type; the workbook's is described by OpenApiDefaults, for every
    // service alike
    @APIResponse(responseCode = "200", description = "The projects")
    @APIResponse(
            responseCode = "400",
            description =
                    "A bad filter, or `xlsx` of more rows than an Excel sheet holds (1,048,575)",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @Extension(
            name = OpenApiDefaults.OPTIONAL_BEARER,
            value = "true") // a token shows what a bureau does not publish
    public Response export(
            @Parameter(description = BulkFormat.FORMAT_DESCRIPTION)
                    @QueryParam("format")
                    @Pattern(
                            regexp = BulkFormat.FORMAT_PATTERN,
                            message = BulkFormat.FORMAT_MESSAGE)
                    String format,
            @Context HttpHeaders headers,
            @QueryParam("bom")
                    @DefaultValue("true")
                    @Parameter(
                            description =
                                    "CSV only: start the file with a UTF-8 byte-order "
                                            + "mark (the default), so Excel opens its Chinese text right; `false` for tools that do not expect one. "
                                            + "Imports accept either.")
                    boolean bom,
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
            @QueryParam("kind") ProjectKind kind,
            @Parameter(example = "2018") @QueryParam("signedYear") @Min(1949) @Max(2100)
                    Integer signedYear,
            @Parameter(example = "2018") @QueryParam("landedYear") @Min(1949) @Max(2100)
                    Integer landedYear) {
        regions.require("region", region);
        BulkFormat chosen = BulkFormat.of(format, headers.getAcceptableMediaTypes());
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (region != null) {
            conditions.add("region_code LIKE ?");
            params.add(org.innoreg.chassis.validation.RegionCodes.descendantPrefix(region) + "%");
        }
        if (stages != null && !stages.isEmpty()) {
            conditions.add("stage = ANY(?)");
            params.add(stages.stream().map(Enum::name).toArray(String[]::new));
        }
        if (tiers != null && !tiers.isEmpty()) {
            conditions.add("tier = ANY(?)");
            params.add(tiers.stream().map(Enum::name).toArray(String[]::new));
        }
        if (kind != null) {
            conditions.add("kind = ?");
            params.add(kind.name());
        }
        if (signedYear != null) {
            conditions.add("extract(year FROM signed_on) = ?");
            params.add(signedYear);
        }
        if (landedYear != null) {
            conditions.add("extract(year FROM landed_on) = ?");
            params.add(landedYear);
        }
        // Not published: the column is left out (not blanked), so a re-import of this file keeps
        // the stored value.
        String query =
                caller.isReader()
                        ? EXPORT_QUERY
                        : EXPORT_QUERY.replace(
                                " responsible_official AS \"responsibleOfficial\",", "");
        String filtered =
                conditions.isEmpty()
                        ? query
                        : query.replace(
                                "FROM project ORDER BY",
                                "FROM project WHERE "
                                        + String.join(" AND ", conditions)
                                        + " ORDER BY");
        return BulkExport.response(
                chosen,
                "projects",
                out ->
                        JdbcExport.stream(
                                dataSource,
                                filtered,
                                params,
                                out,
                                chosen,
                                bom,
                                CsvImporter.headers(csv.columns())));
    }

    /**
     * The import's columns (so an export imports again), then what only the registry of record
     * knows.
     */
    private static final String EXPORT_QUERY =
            """
            SELECT name, investor_name AS "investorName", investor_uscc AS "investorUscc", origin, kind,
                   industry_chain AS "industryChain", region_code AS "regionCode", park_platform_id AS "parkPlatformId",
                   planned_investment AS "plannedInvestment", expected_annual_output AS "expectedAnnualOutput",
                   signing_event AS "signingEvent", responsible_official AS "responsibleOfficial",
                   review_cadence AS "reviewCadence", stage, stage_since AS "stageSince", signed_on AS "signedOn",
                   landed_on AS "landedOn", id, tier, completed_investment AS "completedInvestment",
                   last_reviewed_on AS "lastReviewedOn", version, updated_at AS "updatedAt"
              FROM project ORDER BY region_code, name
            """;

    @RolesAllowed({Roles.PROJECTS_EDITOR, Roles.ADMIN})
    @POST
    @Path("/import")
    @Consumes({
        "text/csv",
        MediaType.TEXT_PLAIN,
        BulkFormat.XLSX_TYPE,
        MediaType.APPLICATION_OCTET_STREAM
    })
    @Operation(
            summary = "Import projects from CSV or an Excel workbook",
            description =
                    "CSV with a header row, in UTF-8 (with or without a byte-order mark) or GB18030/GBK (recognised from the bytes, "
                            + "or named by `charset=` in Content-Type); a byte that does not decode is a 400 problem naming its line "
                            + "and column. Columns by English or Chinese name (项目名称, 投资方, 资金来源, 项目类型, 产业链, 地区代码, 计划投资, "
                            + "阶段, 阶段日期, 签约日期, 落地日期, …). An import is a dry run unless `dryRun=false`: the dry run only reports; a real run is all or nothing. A row with an `id` updates that project (a changed name is a rename); one without is matched by region and name; a file naming one project twice is refused. "
                            + "A column the file does not have leaves that field of an existing project as it is: an import never "
                            + "changes a field whose column is absent (an anonymous export has no `responsibleOfficial` column, "
                            + "and importing it keeps the officials)."
                            + BulkFormat.IMPORT_WORKBOOK)
    @RequestBody(
            content = {
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = SchemaType.STRING),
                        examples =
                                @ExampleObject(
                                        name = "One landed project",
                                        value =
                                                "项目名称,投资方,资金来源,项目类型,产业链,地区代码,计划投资,阶段,阶段日期,签约日期,落地日期\n"
                                                        + "复星医药常德生物医药基地,上海复星医药（集团）股份有限公司,内资,产业投资,生物医药,430790,1200000000,LANDED,2018-06-01,2018-03-15,2018-06-01\n")),
                @Content(mediaType = BulkFormat.XLSX_TYPE)
            })
    @APIResponse(
            responseCode = "200",
            description = "What was (or would be) done",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(
            responseCode = "400",
            description = "Not a readable CSV file or workbook, or unknown columns",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = "More rows than an import takes, or a workbook that inflates to too much",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Invalid rows: nothing was imported",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ImportReport importCsv(
            @Parameter(
                            description =
                                    "Only report what the import would do (the default): nothing is changed. "
                                            + "`false` imports for real.")
                    @QueryParam("dryRun")
                    @DefaultValue("true")
                    boolean dryRun,
            InputStream body,
            @Context HttpHeaders headers) {
        return importer.run(body, headers.getMediaType(), csv, dryRun);
    }

    static final String FOSUN =
            """
            {"name": "复星医药常德生物医药产业基地", "investorName": "上海复星医药（集团）股份有限公司",
             "origin": "DOMESTIC", "kind": "INDUSTRIAL_INVESTMENT", "industryChain": "生物医药", "regionCode": "430790",
             "plannedInvestment": 1200000000, "expectedAnnualOutput": 1800000000, "stage": "SIGNED",
             "stageSince": "2018-03-15", "signedOn": "2018-03-15", "responsibleOfficial": "Executive deputy mayor",
             "reviewCadence": "MONTHLY"}""";

    static final String TRANSFER =
            """
            {"name": "环保酶制剂科技成果转化项目", "investorName": "常德新材料科技企业", "origin": "DOMESTIC",
             "kind": "TECHNOLOGY_TRANSFER", "industryChain": "新材料", "regionCode": "430703", "plannedInvestment": 50000000,
             "signingEvent": "2018年常德市科技成果转移转化对接会", "stage": "SIGNED", "stageSince": "2018-10-10",
             "signedOn": "2018-10-10"}""";

    @GET
    @Path("/{id}/changes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Who changed the project, and when",
            description =
                    "Every change, oldest first, also of a deleted one: the version it made, "
                            + "the subject of the token that made it (also the CloudEvent's actor attribute), the time, and the fields it "
                            + "changed with their old and new values.")
    @APIResponse(responseCode = "200", description = "The changes")
    @APIResponse(
            responseCode = "404",
            description = "No such project",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class)))
    public Page<AuditLog.Change> changes(@PathParam("id") UUID id) {
        return Page.of(
                audit.changes(ProjectEvents.AGGREGATE, id.toString(), () -> service.get(id)));
    }

    /**
     * A project as this caller may see it: the supervising official only for authenticated readers.
     */
    private ProjectView view(Project project) {
        ProjectView view = ProjectMapper.toView(project);
        return caller.isReader() ? view : view.forPublic();
    }

    /** An obstacle as this caller may see it: its text only for authenticated readers. */
    private ProgressViews.ObstacleView obstacle(Obstacle obstacle, java.time.LocalDate asOf) {
        ProgressViews.ObstacleView view = ProgressViews.ObstacleView.of(obstacle, asOf);
        return caller.isReader() ? view : view.forPublic();
    }
}
