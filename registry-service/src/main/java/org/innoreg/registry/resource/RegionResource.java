package org.innoreg.registry.resource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.security.Roles;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.chassis.web.ETags;
import org.innoreg.chassis.web.Page;
import org.innoreg.registry.domain.Region;
import org.innoreg.registry.domain.RegionLevel;
import org.innoreg.registry.mapping.RegionInput;
import org.innoreg.registry.mapping.RegionMapper;
import org.innoreg.registry.mapping.RegionView;
import org.innoreg.registry.service.KnownRegions;
import org.innoreg.registry.service.RegionService;

@Path("/api/v1/regions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Regions", description = "GB/T 2260 divisions and special areas")
public class RegionResource {

    private final RegionService service;

    private final KnownRegions knownRegions;

    RegionResource(RegionService service, KnownRegions knownRegions) {
        this.service = service;
        this.knownRegions = knownRegions;
    }

    @GET
    @Operation(
            summary = "List regions",
            description =
                    "All regions, or the children of one parent, by code; "
                            + "`changedSince` keeps those changed at or after an instant.")
    @APIResponse(responseCode = "200", description = "The regions")
    @APIResponse(responseCode = "400", description = "Malformed filter")
    public Page<RegionView> list(
            @Parameter(description = "Only the direct children of this region", example = "430700")
                    @QueryParam("parent")
                    @RegionCode
                    String parent,
            @Parameter(description = "Only regions of this level") @QueryParam("level")
                    RegionLevel level,
            @Parameter(
                            description =
                                    "Only regions last changed at or after this instant (RFC 3339)",
                            example = "2026-12-01T08:00:00+08:00")
                    @QueryParam("changedSince")
                    OffsetDateTime changedSince) {
        knownRegions.require("parent", parent);
        return Page.of(service.list(parent, level, changedSince), RegionMapper::toView);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get a region with its children")
    @APIResponse(
            responseCode = "200",
            description = "The region; ETag carries its version",
            content = @Content(schema = @Schema(implementation = RegionView.class)))
    public Response get(@Parameter(example = "430700") @PathParam("code") @RegionCode String code) {
        Region region = service.get(code);
        return ETags.ok(RegionMapper.toView(region, service.children(code)), region.version);
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a region",
            description =
                    "Adds a division or special area under an existing parent; "
                            + "emits org.innoreg.registry.region.created on registry.region.v1.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = RegionView.class)))
    @APIResponse(responseCode = "409", description = "The code is taken")
    @APIResponse(
            responseCode = "422",
            description = "Parent missing or code/level not consistent with it")
    public Response create(@NotNull(message = "{innoreg.body-required}") @Valid RegionInput input) {
        Region region = service.create(input);
        return ETags.created(
                "/api/v1/regions/" + region.code, RegionMapper.toView(region), region.version);
    }
}
