package org.innoreg.registry.resource;

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
import org.innoreg.registry.domain.Organization;
import org.innoreg.registry.mapping.OrganizationInput;
import org.innoreg.registry.mapping.OrganizationMapper;
import org.innoreg.registry.mapping.OrganizationView;
import org.innoreg.registry.publishing.OrganizationEvents;
import org.innoreg.registry.service.OrganizationService;

/**
 * One organisation ({@code /{id}}): read, replace and delete it, and its changes. The list, name
 * matching and registering are {@link OrganizationCollectionResource}'s, files {@link
 * OrganizationBulkResource}'s (each path's operations in one class, as for platforms).
 */
@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = OrganizationResource.TAG)
public class OrganizationResource {

    static final String TAG = "Host enterprises, universities, institutes and hospitals";

    private final OrganizationService service;
    private final RecordChanges changes;

    OrganizationResource(OrganizationService service, RecordChanges changes) {
        this.service = service;
        this.changes = changes;
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an organisation")
    @APIResponse(
            responseCode = "200",
            description = "The organisation; ETag carries its version",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    public Response get(@PathParam("id") UUID id) {
        Organization organization = service.get(id);
        return ETags.ok(OrganizationMapper.toView(organization), organization.version);
    }

    @GET
    @Path("/{id}/changes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Who changed the organisation, and when",
            description = RecordChanges.DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The changes")
    public Page<AuditLog.Change> changes(@PathParam("id") UUID id) {
        return changes.of(OrganizationEvents.CONTRACT, id, () -> service.get(id));
    }

    @RolesAllowed({Roles.REGISTRY_EDITOR, Roles.ADMIN})
    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replace an organisation",
            description =
                    "Needs If-Match with the ETag of your last read. "
                            + "Emits org.innoreg.registry.organization.updated when something changed.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    public Response update(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = ETags.IF_MATCH) @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull(message = "{innoreg.body-required}") @Valid OrganizationInput input) {
        Organization organization = service.update(id, ExpectedVersion.ifMatch(ifMatch), input);
        return ETags.ok(OrganizationMapper.toView(organization), organization.version);
    }

    @RolesAllowed({Roles.REGISTRY_EDITOR, Roles.ADMIN})
    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete an organisation",
            description = "Needs If-Match; refused while it hosts platforms.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "It hosts platforms")
    public Response delete(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = ETags.IF_MATCH) @HeaderParam("If-Match")
                    String ifMatch) {
        service.delete(id, ExpectedVersion.ifMatch(ifMatch));
        return Response.noContent().build();
    }
}
