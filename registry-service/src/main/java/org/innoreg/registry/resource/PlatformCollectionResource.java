package org.innoreg.registry.resource;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import java.util.function.Function;
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
import org.innoreg.chassis.web.ETags;
import org.innoreg.chassis.web.IdempotentRequests;
import org.innoreg.chassis.web.Page;
import org.innoreg.chassis.web.QueryValues;
import org.innoreg.registry.domain.Platform;
import org.innoreg.registry.domain.PlatformLevel;
import org.innoreg.registry.domain.PlatformStatus;
import org.innoreg.registry.domain.PlatformType;
import org.innoreg.registry.mapping.PlatformFilter;
import org.innoreg.registry.mapping.PlatformInput;
import org.innoreg.registry.mapping.PlatformMapper;
import org.innoreg.registry.mapping.PlatformStats;
import org.innoreg.registry.mapping.PlatformView;
import org.innoreg.registry.service.PlatformQueries;
import org.innoreg.registry.service.PlatformService;

/** The platforms as a collection: search it, register a platform in it, count it on a date. */
@Path("/api/v1/platforms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platforms", description = PlatformResource.TAG)
public class PlatformCollectionResource {

    private final PlatformService service;
    private final PlatformQueries queries;
    private final IdempotentRequests idempotent;

    PlatformCollectionResource(
            PlatformService service, PlatformQueries queries, IdempotentRequests idempotent) {
        this.service = service;
        this.queries = queries;
        this.idempotent = idempotent;
    }

    @GET
    @Operation(
            summary = "Search platforms",
            description =
                    "Filters combine with AND; repeat type, level or status for OR within one. `region` includes "
                            + "its descendants. `q` matches any part of the Chinese or English name or an alias. Pages follow "
                            + "`next`; `facets=true` adds the total and counts by type, level and region.")
    @APIResponse(responseCode = "200", description = "A page of platforms")
    @APIResponse(responseCode = "400", description = "Malformed filter, sort or cursor")
    public Uni<Page<PlatformView>> search(
            @Parameter(description = "Platform type (repeatable)") @QueryParam("type")
                    List<PlatformType> types,
            @Parameter(description = "Level (repeatable)") @QueryParam("level")
                    List<PlatformLevel> levels,
            @Parameter(description = "Status (repeatable)") @QueryParam("status")
                    List<PlatformStatus> statuses,
            @Parameter(description = "Region code, descendants included", example = "430700")
                    @QueryParam("region")
                    @RegionCode
                    String region,
            @Parameter(description = "Technology field", example = "new materials")
                    @QueryParam("field")
                    @Size(max = 100)
                    String field,
            @Parameter(description = "Host organisation id") @QueryParam("host") UUID host,
            @Parameter(description = "Accredited on or after", example = "2015-01-01")
                    @QueryParam("accreditedFrom")
                    LocalDate accreditedFrom,
            @Parameter(description = "Accredited on or before", example = "2020-12-31")
                    @QueryParam("accreditedTo")
                    LocalDate accreditedTo,
            @Parameter(
                            description = "Changed at or after (RFC 3339)",
                            example = "2026-01-01T00:00:00Z")
                    @QueryParam("changedSince")
                    OffsetDateTime changedSince,
            @Parameter(description = "Text in any name or alias", example = "孵化器")
                    @QueryParam("q")
                    @Size(min = 1, max = 100)
                    String q,
            @Parameter(
                            description =
                                    "name, accreditedOn, -accreditedOn, updatedAt, -updatedAt, relevance (default with q)")
                    @QueryParam("sort")
                    String sort,
            @Parameter(description = "From a previous page's next link")
                    @QueryParam("cursor")
                    @Size(max = 500)
                    String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
            @Parameter(description = "Add the total and facet counts")
                    @QueryParam("facets")
                    @DefaultValue("false")
                    boolean facets,
            @Context UriInfo uri) {
        PlatformFilter filter =
                new PlatformFilter(
                        QueryValues.anyOf(types, PlatformType.class),
                        QueryValues.anyOf(levels, PlatformLevel.class),
                        QueryValues.anyOf(statuses, PlatformStatus.class),
                        region,
                        field,
                        host,
                        accreditedFrom,
                        accreditedTo,
                        changedSince,
                        QueryValues.text(q));
        return queries.search(filter, sort, cursor, limit, facets)
                .map(
                        found ->
                                Page.ofKeyset(
                                        found.platforms(),
                                        found.keys(),
                                        limit,
                                        p -> p.id().toString(),
                                        Function.identity(),
                                        uri,
                                        found.total(),
                                        found.facets()));
    }

    @RolesAllowed({Roles.REGISTRY_EDITOR, Roles.ADMIN})
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Register a platform",
            description =
                    "Emits org.innoreg.registry.platform.created. "
                            + "Send an Idempotency-Key to make retries safe.")
    @RequestBody(
            content =
                    @Content(
                            examples = {
                                @ExampleObject(
                                        name = "Yunjin Textile Group academician workstation",
                                        ref = "YunjinWorkstation"),
                                @ExampleObject(
                                        name =
                                                "Hanshou High-tech Zone technology business incubator",
                                        ref = "HanshouIncubator"),
                                @ExampleObject(
                                        name =
                                                "State Key Laboratory of Supramolecular Structure and Materials",
                                        ref = "SupramolecularLab")
                            }))
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = PlatformView.class)))
    @APIResponse(
            responseCode = "409",
            description = "The region already has a platform of that name")
    @APIResponse(
            responseCode = "422",
            description =
                    "Unknown region or host, detail not fitting the type, or an "
                            + "Idempotency-Key reused for another request")
    public Response create(
            @Parameter(description = IdempotentRequests.DESCRIPTION)
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @NotNull(message = "{innoreg.body-required}") @Valid PlatformInput input) {
        return idempotent.run(
                idempotencyKey,
                "POST",
                "/api/v1/platforms",
                input,
                () -> {
                    Platform platform = service.create(input);
                    return ETags.created(
                            "/api/v1/platforms/" + platform.id,
                            PlatformMapper.toView(platform),
                            platform.version);
                });
    }

    @GET
    @Path("/stats")
    @Operation(
            summary = "Platform counts as they stood on a date",
            description =
                    "Each platform's classification on `asOf` comes from its dated history, so an incubator "
                            + "upgraded in 2019 counts as provincial on 2018-12-31 and national on 2019-12-31.")
    @APIResponse(
            responseCode = "200",
            description = "Counts per group",
            content = @Content(schema = @Schema(implementation = PlatformStats.class)))
    @APIResponse(responseCode = "400", description = "Unknown group or malformed date")
    public PlatformStats stats(
            @Parameter(
                            description = "Comma-separated: type, level, region, status",
                            example = "type,level,region")
                    @QueryParam("groupBy")
                    @DefaultValue("type,level")
                    @Pattern(regexp = "[a-zA-Z, ]{0,60}", message = "{innoreg.platform-group-by}")
                    String groupBy,
            @Parameter(
                            description = "Date the counts are for (default today)",
                            example = "2020-12-31")
                    @QueryParam("asOf")
                    LocalDate asOf,
            @Parameter(description = "Statuses counted (repeatable; default ACTIVE)")
                    @QueryParam("status")
                    List<PlatformStatus> statuses,
            @Parameter(description = "Only this region and its descendants", example = "430700")
                    @QueryParam("region")
                    @RegionCode
                    String region) {
        return queries.stats(groupBy, asOf, statuses, region);
    }
}
