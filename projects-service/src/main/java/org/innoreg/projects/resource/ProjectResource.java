package org.innoreg.projects.resource;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.chassis.validation.RegionCodes;
import org.innoreg.chassis.web.ETags;
import org.innoreg.chassis.web.Page;
import org.innoreg.projects.domain.Project;
import org.innoreg.projects.mapping.ProjectInput;
import org.innoreg.projects.mapping.ProjectMapper;
import org.innoreg.projects.mapping.ProjectView;
import org.innoreg.projects.service.ProjectService;

@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "The industrial project pipeline")
public class ProjectResource {

    private final ProjectService service;

    ProjectResource(ProjectService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List projects", description = "Oldest first; region includes its descendants.")
    @APIResponse(responseCode = "200", description = "The projects")
    @APIResponse(responseCode = "400", description = "Malformed filter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<ProjectView> list(
            @Parameter(description = "Region code; its descendants are included", example = "430700")
            @QueryParam("region") @RegionCode String region,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        return Page.of(service.list(region == null ? null : RegionCodes.descendantPrefix(region), limit).stream().map(ProjectMapper::toView).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a project")
    @APIResponse(responseCode = "200", description = "The project; ETag carries its version",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "404", description = "No such project",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Project project = service.get(id);
        return Response.ok(ProjectMapper.toView(project)).tag(ETags.of(project.version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a project to the pipeline", description = "The project starts as a LEAD; "
            + "its tier follows from the planned investment. Emits org.innoreg.projects.project.created.")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull(message = "a JSON body is required") @Valid ProjectInput input) {
        Project project = service.create(input);
        return Response.created(URI.create("/api/v1/projects/" + project.id))
                .tag(ETags.of(project.version))
                .entity(ProjectMapper.toView(project))
                .build();
    }
}
