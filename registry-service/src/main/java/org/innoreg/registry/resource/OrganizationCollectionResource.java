package org.innoreg.registry.resource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.security.Roles;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.chassis.web.Cursor;
import org.innoreg.chassis.web.ETags;
import org.innoreg.chassis.web.IdempotentRequests;
import org.innoreg.chassis.web.Page;
import org.innoreg.registry.domain.CertificationKind;
import org.innoreg.registry.domain.Organization;
import org.innoreg.registry.domain.OrganizationKind;
import org.innoreg.registry.mapping.OrganizationInput;
import org.innoreg.registry.mapping.OrganizationMapper;
import org.innoreg.registry.mapping.OrganizationMatch;
import org.innoreg.registry.mapping.OrganizationView;
import org.innoreg.registry.service.KnownRegions;
import org.innoreg.registry.service.OrganizationService;

/** The organisations as a collection: list it, match a free-text name in it, register in it. */
@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = OrganizationResource.TAG)
public class OrganizationCollectionResource {

    private final OrganizationService service;
    private final IdempotentRequests idempotent;
    private final KnownRegions knownRegions;

    OrganizationCollectionResource(
            OrganizationService service, IdempotentRequests idempotent, KnownRegions knownRegions) {
        this.service = service;
        this.idempotent = idempotent;
        this.knownRegions = knownRegions;
    }

    @GET
    @Operation(
            summary = "List organisations",
            description =
                    "By Chinese name. `certification` with `validOn` keeps "
                            + "those holding that certification on that day (e.g. high-tech enterprises on 2018-12-31).")
    @APIResponse(responseCode = "200", description = "A page of organisations")
    @APIResponse(responseCode = "400", description = "Malformed filter or cursor")
    public Page<OrganizationView> list(
            @Parameter(description = "Text in any name or alias", example = "金健")
                    @QueryParam("q")
                    @Size(min = 1, max = 100)
                    String q,
            @QueryParam("kind") OrganizationKind kind,
            @Parameter(description = "Region code, descendants included", example = "430700")
                    @QueryParam("region")
                    @RegionCode
                    String region,
            @Parameter(description = "Holding this certification…") @QueryParam("certification")
                    CertificationKind certification,
            @Parameter(description = "…on this day (default today)", example = "2018-12-31")
                    @QueryParam("validOn")
                    LocalDate validOn,
            @Parameter(
                            description =
                                    "Only organisations last changed at or after this instant (RFC 3339)",
                            example = "2026-12-01T08:00:00+08:00")
                    @QueryParam("changedSince")
                    OffsetDateTime changedSince,
            @Parameter(description = "From a previous page's next link")
                    @QueryParam("cursor")
                    @Size(max = 500)
                    String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @Context UriInfo uri) {
        knownRegions.require("region", region);
        List<String> after = cursor == null ? null : Cursor.decode(cursor, 2);
        List<Organization> found =
                service.list(
                        q,
                        kind,
                        region,
                        certification,
                        validOn,
                        changedSince,
                        after == null ? null : after.get(0),
                        after == null ? null : UUID.fromString(after.get(1)),
                        limit + 1);
        return Page.ofKeyset(
                found,
                found.stream().map(o -> o.nameZh).toList(),
                limit,
                o -> o.id.toString(),
                OrganizationMapper::toView,
                uri,
                null,
                null);
    }

    @GET
    @Path("/match")
    @Operation(
            summary = "Find the organisation a free-text name means",
            description =
                    "Ranked candidates by trigram similarity to any of their names. At most one is `confident`: "
                            + "score ≥ 0.8 and ≥ 0.15 ahead of the next. Use it to attach spreadsheet rows to existing hosts.")
    @APIResponse(responseCode = "200", description = "Candidates, best first")
    @APIResponse(responseCode = "400", description = "Missing name")
    public List<OrganizationMatch> match(
            @Parameter(example = "金健米业股份有限公司", required = true)
                    @QueryParam("name")
                    @NotBlank
                    @Size(max = 300)
                    String name,
            @QueryParam("limit") @DefaultValue("5") @Min(1) @Max(20) int limit) {
        return service.match(name, limit);
    }

    @RolesAllowed({Roles.REGISTRY_EDITOR, Roles.ADMIN})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register an organisation",
            description =
                    "Emits org.innoreg.registry.organization.created. "
                            + "Send an Idempotency-Key to make retries safe.")
    @RequestBody(
            content =
                    @Content(
                            examples =
                                    @ExampleObject(
                                            name = "Deren Animal Husbandry",
                                            ref = "DerenHusbandry")))
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields, e.g. a USCC with a wrong check character")
    @APIResponse(responseCode = "409", description = "The USCC is registered already")
    @APIResponse(
            responseCode = "422",
            description =
                    "Unknown region, inconsistent certificate dates, or an "
                            + "Idempotency-Key reused for another request")
    public Response create(
            @Parameter(description = IdempotentRequests.DESCRIPTION)
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @NotNull(message = "{innoreg.body-required}") @Valid OrganizationInput input) {
        return idempotent.run(
                idempotencyKey,
                "POST",
                "/api/v1/organizations",
                input,
                () -> {
                    Organization organization = service.create(input);
                    return ETags.created(
                            "/api/v1/organizations/" + organization.id,
                            OrganizationMapper.toView(organization),
                            organization.version);
                });
    }
}
