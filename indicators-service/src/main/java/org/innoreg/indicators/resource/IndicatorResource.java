package org.innoreg.indicators.resource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.innoreg.chassis.web.ETags;
import org.innoreg.chassis.web.Page;
import org.innoreg.indicators.domain.Indicator;
import org.innoreg.indicators.domain.IndicatorKind;
import org.innoreg.indicators.mapping.IndicatorInput;
import org.innoreg.indicators.mapping.IndicatorMapper;
import org.innoreg.indicators.mapping.IndicatorView;
import org.innoreg.indicators.service.IndicatorService;

@Path("/api/v1/indicators")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Indicators", description = "Indicator definitions")
public class IndicatorResource {

    private final IndicatorService service;

    IndicatorResource(IndicatorService service) {
        this.service = service;
    }

    @GET
    @Operation(summary = "List indicator definitions")
    @APIResponse(responseCode = "200", description = "The indicators, by code")
    @APIResponse(responseCode = "400", description = "Malformed filter")
    public Page<IndicatorView> list(
            @Parameter(description = "Only indicators of this kind") @QueryParam("kind")
                    IndicatorKind kind,
            @Parameter(
                            description =
                                    "Only indicators whose definition changed at or after this instant (RFC 3339)",
                            example = "2026-12-01T08:00:00+08:00")
                    @QueryParam("changedSince")
                    OffsetDateTime changedSince) {
        return Page.of(service.list(kind, changedSince), IndicatorMapper::toView);
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "Get an indicator definition")
    @APIResponse(
            responseCode = "200",
            description = "The indicator; ETag carries its version",
            content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    public Response get(
            @Parameter(example = "patent_applications")
                    @PathParam("code")
                    @Pattern(regexp = "[a-z][a-z0-9_.]{1,62}", message = "{innoreg.indicator-code}")
                    String code) {
        Indicator indicator = service.get(code);
        return ETags.ok(IndicatorMapper.toView(indicator), indicator.version);
    }

    @RolesAllowed({Roles.INDICATORS_EDITOR, Roles.ADMIN})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Define a reported indicator",
            description = "Emits org.innoreg.indicators.indicator.created.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "409", description = "The code is taken")
    public Response create(
            @NotNull(message = "{innoreg.body-required}") @Valid IndicatorInput input) {
        Indicator indicator = service.create(input);
        return ETags.created(
                "/api/v1/indicators/" + indicator.code,
                IndicatorMapper.toView(indicator),
                indicator.version);
    }
}
