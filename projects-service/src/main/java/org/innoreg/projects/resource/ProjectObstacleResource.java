package org.innoreg.projects.resource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.security.Roles;
import org.innoreg.chassis.validation.BureauCalendar;
import org.innoreg.chassis.web.IdempotentRequests;
import org.innoreg.chassis.web.OpenApiDefaults;
import org.innoreg.chassis.web.Page;
import org.innoreg.projects.mapping.ObstacleInput;
import org.innoreg.projects.mapping.ProgressViews;
import org.innoreg.projects.mapping.ResolutionInput;
import org.innoreg.projects.service.ProgressService;

/** A project's obstacles: raising them, recording their resolution, and listing them. */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "The industrial project pipeline")
public class ProjectObstacleResource {

    private final ProgressService progress;
    private final CallerViews views;

    private final IdempotentRequests idempotent;

    ProjectObstacleResource(
            ProgressService progress, CallerViews views, IdempotentRequests idempotent) {
        this.progress = progress;
        this.views = views;
        this.idempotent = idempotent;
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
            @Parameter(description = IdempotentRequests.DESCRIPTION)
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @NotNull(message = "{innoreg.body-required}") @Valid ObstacleInput input) {
        String obstacles = "/api/v1/projects/" + id + "/obstacles";
        return idempotent.run(
                idempotencyKey,
                "POST",
                obstacles,
                input,
                () -> {
                    var obstacle = progress.raise(id, input);
                    return Response.created(URI.create(obstacles + "/" + obstacle.id))
                            .entity(views.obstacle(obstacle, BureauCalendar.today()))
                            .build();
                });
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
    @APIResponse(responseCode = "409", description = "Already resolved")
    public ProgressViews.ObstacleView resolve(
            @PathParam("id") UUID id,
            @PathParam("obstacleId") long obstacleId,
            @NotNull(message = "{innoreg.body-required}") @Valid ResolutionInput input) {
        return views.obstacle(progress.resolve(id, obstacleId, input), BureauCalendar.today());
    }

    @GET
    @Path("/{id}/obstacles")
    @Operation(summary = "A project's obstacles, oldest first")
    @APIResponse(responseCode = "200", description = "The obstacles")
    @Extension(
            name = OpenApiDefaults.OPTIONAL_BEARER,
            value = "true") // a token shows what a bureau does not publish
    public Page<ProgressViews.ObstacleView> obstacles(@PathParam("id") UUID id) {
        java.time.LocalDate today = BureauCalendar.today();
        return Page.of(progress.obstacles(id), o -> views.obstacle(o, today));
    }
}
