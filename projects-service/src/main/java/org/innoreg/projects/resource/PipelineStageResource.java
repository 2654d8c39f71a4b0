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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.security.Roles;
import org.innoreg.chassis.web.Page;
import org.innoreg.chassis.write.ExpectedVersion;
import org.innoreg.projects.mapping.ProjectView;
import org.innoreg.projects.mapping.TransitionInput;
import org.innoreg.projects.mapping.TransitionView;
import org.innoreg.projects.service.ProjectService;

/** A project's place in the pipeline: moving it to another stage, and its transitions so far. */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "The industrial project pipeline")
public class PipelineStageResource {

    private final ProjectService service;
    private final CallerViews views;

    PipelineStageResource(ProjectService service, CallerViews views) {
        this.service = service;
        this.views = views;
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
            description = "Not a legal move; `allowed` lists the stages it can move to")
    @APIResponse(responseCode = "422", description = "A date before the current stage's")
    public Response transition(
            @PathParam("id") UUID id,
            @Parameter(
                            description =
                                    "Optional here: the ETag of your last read; a stale one is refused (412)")
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull(message = "{innoreg.body-required}") @Valid TransitionInput input) {
        return views.tagged(
                service.transition(id, ExpectedVersion.ifMatchOptional(ifMatch), input));
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "A project's stage transitions, oldest first")
    @APIResponse(responseCode = "200", description = "The transitions")
    public Page<TransitionView> history(@PathParam("id") UUID id) {
        return Page.of(service.history(id), TransitionView::of);
    }
}
