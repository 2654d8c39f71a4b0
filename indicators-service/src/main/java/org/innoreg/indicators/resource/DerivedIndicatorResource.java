package org.innoreg.indicators.resource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.security.Roles;
import org.innoreg.indicators.mapping.RebuildReport;
import org.innoreg.indicators.service.DerivedIndicatorService;

@Path("/api/v1/indicators/derived")
@Tag(name = "Indicators")
public class DerivedIndicatorResource {

    private final DerivedIndicatorService derived;

    DerivedIndicatorResource(DerivedIndicatorService derived) {
        this.derived = derived;
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/rebuild")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "rebuildDerivedIndicators",
            summary = "Recompute derived indicators from the beginning of their topics",
            description =
                    "Reads registry.platform.v1 and projects.project.v1 from their first event, recomputes every "
                            + "derived count and sum, and revises each cell whose value differs (a cell nothing backs any more "
                            + "goes to 0). Live events wait while it runs. Safe to repeat: a second rebuild changes nothing.")
    @APIResponse(
            responseCode = "200",
            description = "Rebuilt",
            content = @Content(schema = @Schema(implementation = RebuildReport.class)))
    @APIResponse(responseCode = "503", description = "Kafka could not be read; nothing changed")
    public RebuildReport rebuild() {
        return derived.rebuild();
    }
}
