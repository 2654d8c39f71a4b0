package org.innoreg.projects.resource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.security.Roles;
import org.innoreg.chassis.validation.BureauCalendar;
import org.innoreg.chassis.web.IdempotentRequests;
import org.innoreg.chassis.web.Page;
import org.innoreg.projects.mapping.MilestoneInput;
import org.innoreg.projects.mapping.ProgressViews;
import org.innoreg.projects.service.ProgressService;

/** A project's milestones: planning, replanning or meeting them, and listing them. */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "The industrial project pipeline")
public class ProjectMilestoneResource {

    private final ProgressService progress;

    private final IdempotentRequests idempotent;

    ProjectMilestoneResource(ProgressService progress, IdempotentRequests idempotent) {
        this.progress = progress;
        this.idempotent = idempotent;
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
            @Parameter(description = IdempotentRequests.DESCRIPTION)
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @NotNull(message = "{innoreg.body-required}") @Valid MilestoneInput input) {
        String milestones = "/api/v1/projects/" + id + "/milestones";
        return idempotent.run(
                idempotencyKey,
                "POST",
                milestones,
                input,
                () -> {
                    var milestone = progress.addMilestone(id, input);
                    return Response.created(URI.create(milestones + "/" + milestone.id))
                            .entity(
                                    ProgressViews.MilestoneView.of(
                                            milestone, BureauCalendar.today()))
                            .build();
                });
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
    @APIResponse(responseCode = "404", description = "No such milestone of this project")
    public ProgressViews.MilestoneView updateMilestone(
            @PathParam("id") UUID id,
            @PathParam("milestoneId") long milestoneId,
            @NotNull(message = "{innoreg.body-required}") @Valid MilestoneInput input) {
        return ProgressViews.MilestoneView.of(
                progress.updateMilestone(id, milestoneId, input), BureauCalendar.today());
    }

    @GET
    @Path("/{id}/milestones")
    @Operation(summary = "A project's milestones, with their status on a day")
    @APIResponse(responseCode = "200", description = "The milestones")
    public Page<ProgressViews.MilestoneView> milestones(
            @PathParam("id") UUID id,
            @Parameter(description = "Day the statuses are for (default today)") @QueryParam("asOf")
                    java.time.LocalDate asOf) {
        java.time.LocalDate day = asOf == null ? BureauCalendar.today() : asOf;
        return Page.of(progress.milestones(id), m -> ProgressViews.MilestoneView.of(m, day));
    }
}
