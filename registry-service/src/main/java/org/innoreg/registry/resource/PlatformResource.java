package org.innoreg.registry.resource;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
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
import org.innoreg.chassis.events.AuditLog;
import org.innoreg.chassis.security.Roles;
import org.innoreg.chassis.web.ETags;
import org.innoreg.chassis.web.Page;
import org.innoreg.chassis.web.RecordChanges;
import org.innoreg.chassis.write.ExpectedVersion;
import org.innoreg.registry.domain.Platform;
import org.innoreg.registry.mapping.PlatformHistoryView;
import org.innoreg.registry.mapping.PlatformInput;
import org.innoreg.registry.mapping.PlatformMapper;
import org.innoreg.registry.mapping.PlatformView;
import org.innoreg.registry.publishing.PlatformEvents;
import org.innoreg.registry.service.PlatformService;

/**
 * One platform ({@code /{id}}): read (on the reactive client, docs/decisions/0004), replace and
 * delete it, its dated history and its changes. The list, registering and counts are {@link
 * PlatformCollectionResource}'s, files {@link PlatformBulkResource}'s. Each path's operations stay
 * in one class: SmallRye adds a path's operations class by class, in name order, so splitting them
 * would reorder the OpenAPI document.
 */
@Path("/api/v1/platforms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platforms", description = PlatformResource.TAG)
public class PlatformResource {

    static final String TAG =
            "Accredited innovation platforms: incubators, key laboratories, academician workstations…";

    private final PlatformService service;
    private final RecordChanges changes;

    PlatformResource(PlatformService service, RecordChanges changes) {
        this.service = service;
        this.changes = changes;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a platform")
    @APIResponse(
            responseCode = "200",
            description = "The platform; ETag carries its version",
            content = @Content(schema = @Schema(implementation = PlatformView.class)))
    public Uni<Response> get(@PathParam("id") UUID id) {
        return service.read(id)
                .map(platform -> Response.ok(platform).tag(ETags.of(platform.version())).build());
    }

    @GET
    @Path("/{id}/history")
    @Operation(
            summary = "A platform's dated history",
            description =
                    "Accreditation, then each level, status, type or "
                            + "region change with the date it took effect, oldest first.")
    @APIResponse(responseCode = "200", description = "The history")
    public Page<PlatformHistoryView> history(@PathParam("id") UUID id) {
        return Page.of(service.history(id), PlatformHistoryView::of);
    }

    @GET
    @Path("/{id}/changes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Who changed the platform, and when",
            description = RecordChanges.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The changes")
    public Page<AuditLog.Change> changes(@PathParam("id") UUID id) {
        return changes.of(PlatformEvents.CONTRACT, id, () -> service.get(id));
    }

    @RolesAllowed({Roles.REGISTRY_EDITOR, Roles.ADMIN})
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace a platform",
            description =
                    "Needs If-Match with the ETag of your last read. A level, "
                            + "status, type or region change is recorded in the history as of `changedOn`. Emits "
                            + "org.innoreg.registry.platform.updated when something changed.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = PlatformView.class)))
    public Response update(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = ETags.IF_MATCH, example = "\"3\"")
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull(message = "{innoreg.body-required}") @Valid PlatformInput input) {
        Platform platform = service.update(id, ExpectedVersion.ifMatch(ifMatch), input);
        return ETags.ok(PlatformMapper.toView(platform), platform.version);
    }

    @RolesAllowed({Roles.REGISTRY_EDITOR, Roles.ADMIN})
    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete a platform registered by mistake",
            description =
                    "Needs If-Match. A platform that lost its accreditation is REVOKED (an update), not deleted. "
                            + "Emits org.innoreg.registry.platform.deleted with its last state.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = ETags.IF_MATCH) @HeaderParam("If-Match")
                    String ifMatch) {
        service.delete(id, ExpectedVersion.ifMatch(ifMatch));
        return Response.noContent().build();
    }
}
