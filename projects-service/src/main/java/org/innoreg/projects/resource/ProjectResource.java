package org.innoreg.projects.resource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.events.AuditLog;
import org.innoreg.chassis.security.Roles;
import org.innoreg.chassis.web.ETags;
import org.innoreg.chassis.web.IdempotentRequests;
import org.innoreg.chassis.web.OpenApiDefaults;
import org.innoreg.chassis.web.Page;
import org.innoreg.chassis.web.RecordChanges;
import org.innoreg.chassis.write.ExpectedVersion;
import org.innoreg.projects.domain.Project;
import org.innoreg.projects.mapping.ProjectInput;
import org.innoreg.projects.mapping.ProjectView;
import org.innoreg.projects.publishing.ProjectEvents;
import org.innoreg.projects.service.ProjectService;

/** The project itself: read, create, replace, delete, and who changed it. */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "The industrial project pipeline")
public class ProjectResource {

    private final ProjectService service;
    private final IdempotentRequests idempotent;
    private final RecordChanges changes;
    private final CallerViews views;

    ProjectResource(
            ProjectService service,
            IdempotentRequests idempotent,
            RecordChanges changes,
            CallerViews views) {
        this.service = service;
        this.idempotent = idempotent;
        this.changes = changes;
        this.views = views;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a project")
    @APIResponse(
            responseCode = "200",
            description = "The project; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @Extension(
            name = OpenApiDefaults.OPTIONAL_BEARER,
            value = "true") // a token shows what a bureau does not publish
    public Response get(@PathParam("id") UUID id) {
        return views.tagged(service.get(id));
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
            responseCode = "409",
            description = "The region already has a project of that name")
    @APIResponse(
            responseCode = "422",
            description =
                    "Inconsistent entry stage and dates, or an Idempotency-Key "
                            + "reused for another request")
    @RequestBody(
            content =
                    @Content(
                            examples = {
                                @ExampleObject(
                                        name =
                                                "Shanghai Fosun biomedicine base, phase II (strategic investor)",
                                        ref = "FosunBiomedicineBase"),
                                @ExampleObject(
                                        name =
                                                "Technology-transfer project signed at an achievement-transfer meeting",
                                        ref = "TechnologyTransfer")
                            }))
    public Response create(
            @Parameter(description = IdempotentRequests.DESCRIPTION)
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
                    return ETags.created(
                            "/api/v1/projects/" + project.id,
                            views.project(project),
                            project.version);
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
            responseCode = "422",
            description =
                    "A planned investment the completed one is more than "
                            + "innoreg.projects.rules.max-completed-to-planned (3) times of (type implausible-value, rule "
                            + "completed-investment-above-planned): nothing is stored")
    public Response update(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = ETags.IF_MATCH) @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull(message = "{innoreg.body-required}") @Valid ProjectInput input) {
        return views.tagged(service.update(id, ExpectedVersion.ifMatch(ifMatch), input));
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
    public Response delete(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = ETags.IF_MATCH) @HeaderParam("If-Match")
                    String ifMatch) {
        service.delete(id, ExpectedVersion.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/changes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Who changed the project, and when",
            description = RecordChanges.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The changes")
    public Page<AuditLog.Change> changes(@PathParam("id") UUID id) {
        return changes.of(ProjectEvents.CONTRACT, id, () -> service.get(id));
    }
}
