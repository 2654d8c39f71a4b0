package org.innoreg.registry.resource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.bulk.BulkExport;
import org.innoreg.chassis.bulk.BulkFormat;
import org.innoreg.chassis.bulk.CsvImporter;
import org.innoreg.chassis.bulk.ImportReport;
import org.innoreg.chassis.events.AuditLog;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.security.Roles;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.chassis.web.Cursor;
import org.innoreg.chassis.web.ETags;
import org.innoreg.chassis.web.IdempotentRequests;
import org.innoreg.chassis.web.Page;
import org.innoreg.chassis.write.ExpectedVersion;
import org.innoreg.registry.domain.CertificationKind;
import org.innoreg.registry.domain.Organization;
import org.innoreg.registry.domain.OrganizationKind;
import org.innoreg.registry.events.OrganizationEvents;
import org.innoreg.registry.mapping.OrganizationInput;
import org.innoreg.registry.mapping.OrganizationMapper;
import org.innoreg.registry.mapping.OrganizationMatch;
import org.innoreg.registry.mapping.OrganizationView;
import org.innoreg.registry.service.KnownRegions;
import org.innoreg.registry.service.OrganizationCsv;
import org.innoreg.registry.service.OrganizationService;

@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Organizations",
        description = "Host enterprises, universities, institutes and hospitals")
public class OrganizationResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    private final OrganizationService service;
    private final OrganizationCsv csv;
    private final CsvImporter importer;
    private final IdempotentRequests idempotent;
    private final AuditLog audit;

    private final KnownRegions knownRegions;

    OrganizationResource(
            OrganizationService service,
            OrganizationCsv csv,
            CsvImporter importer,
            IdempotentRequests idempotent,
            AuditLog audit,
            KnownRegions knownRegions) {
        this.knownRegions = knownRegions;
        this.audit = audit;
        this.service = service;
        this.csv = csv;
        this.importer = importer;
        this.idempotent = idempotent;
    }

    @GET
    @Operation(
            summary = "List organisations",
            description =
                    "By Chinese name. `certification` with `validOn` keeps "
                            + "those holding that certification on that day (e.g. high-tech enterprises on 2018-12-31).")
    @APIResponse(responseCode = "200", description = "A page of organisations")
    @APIResponse(
            responseCode = "400",
            description = "Malformed filter or cursor",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
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
    @APIResponse(
            responseCode = "400",
            description = "Missing name",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<OrganizationMatch> match(
            @Parameter(example = "金健米业股份有限公司", required = true)
                    @QueryParam("name")
                    @NotBlank
                    @Size(max = 300)
                    String name,
            @QueryParam("limit") @DefaultValue("5") @Min(1) @Max(20) int limit) {
        return service.match(name, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an organisation")
    @APIResponse(
            responseCode = "200",
            description = "The organisation; ETag carries its version",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such organisation",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        Organization organization = service.get(id);
        return Response.ok(OrganizationMapper.toView(organization))
                .tag(ETags.of(organization.version))
                .build();
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
                    @Content(examples = @ExampleObject(name = "Jinjian Cereals", value = JINJIAN)))
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = OrganizationView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields, e.g. a USCC with a wrong check character",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The USCC is registered already",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description =
                    "Unknown region, inconsistent certificate dates, or an "
                            + "Idempotency-Key reused for another request",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            @NotNull(message = "{innoreg.body-required}") @Valid OrganizationInput input) {
        return idempotent.run(
                idempotencyKey,
                "POST",
                "/api/v1/organizations",
                input,
                () -> {
                    Organization organization = service.create(input);
                    return Response.created(URI.create("/api/v1/organizations/" + organization.id))
                            .tag(ETags.of(organization.version))
                            .entity(OrganizationMapper.toView(organization))
                            .build();
                });
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
    @APIResponse(
            responseCode = "412",
            description = "Stale If-Match",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response update(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = ETags.IF_MATCH) @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull(message = "{innoreg.body-required}") @Valid OrganizationInput input) {
        Organization organization = service.update(id, ExpectedVersion.ifMatch(ifMatch), input);
        return Response.ok(OrganizationMapper.toView(organization))
                .tag(ETags.of(organization.version))
                .build();
    }

    @RolesAllowed({Roles.REGISTRY_EDITOR, Roles.ADMIN})
    @DELETE
    @Path("/{id}")
    @Operation(
            summary = "Delete an organisation",
            description = "Needs If-Match; refused while it hosts platforms.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(
            responseCode = "409",
            description = "It hosts platforms",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "Stale If-Match",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response delete(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = ETags.IF_MATCH) @HeaderParam("If-Match")
                    String ifMatch) {
        service.delete(id, ExpectedVersion.ifMatch(ifMatch));
        return Response.noContent().build();
    }

    @RolesAllowed({Roles.REGISTRY_EDITOR, Roles.ADMIN})
    @POST
    @Path("/import")
    @Consumes({
        "text/csv",
        MediaType.TEXT_PLAIN,
        BulkFormat.XLSX_TYPE,
        MediaType.APPLICATION_OCTET_STREAM
    })
    @Operation(
            summary = "Import organisations from CSV or an Excel workbook",
            description =
                    "CSV with a header row, in UTF-8 (with or without a byte-order mark) or GB18030/GBK (recognised from the bytes, "
                            + "or named by `charset=` in Content-Type); a byte that does not decode is a 400 problem naming its line "
                            + "and column. Columns by English or Chinese name (统一社会信用代码, 名称, 英文名称, 别名, 类型, 地区代码, 资质). "
                            + "Certifications as kind:validFrom[:validTo[:certificateNo]], several separated by ';'. "
                            + "An import is a dry run unless `dryRun=false`: the dry run only reports; a real run is all or nothing, creating or updating by `id` when a row has one (its USCC may change), else by USCC; a file naming one organisation twice is refused. "
                            + "A column the file does not have leaves that field of an existing organisation as it is: an "
                            + "import never changes a field whose column is absent."
                            + BulkFormat.IMPORT_WORKBOOK)
    @RequestBody(
            content = {
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = SchemaType.STRING),
                        examples =
                                @ExampleObject(
                                        name = "One enterprise",
                                        value =
                                                "统一社会信用代码,名称,类型,地区代码,资质\n"
                                                        + "91430700MA4L2Q4K3Y,湖南金健米业股份有限公司,企业,430702,高新技术企业:2018-10-17\n")),
                @Content(mediaType = BulkFormat.XLSX_TYPE)
            })
    @APIResponse(
            responseCode = "200",
            description = "What was (or would be) done",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(
            responseCode = "400",
            description = "Not a readable CSV file or workbook, or unknown columns",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "413",
            description = "More rows than an import takes, or a workbook that inflates to too much",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description = "Invalid rows: nothing was imported",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ImportReport importCsv(
            @Parameter(
                            description =
                                    "Only report what the import would do (the default): nothing is changed. "
                                            + "`false` imports for real.")
                    @QueryParam("dryRun")
                    @DefaultValue("true")
                    boolean dryRun,
            InputStream body,
            @Context HttpHeaders headers) {
        return importer.run(body, headers.getMediaType(), csv, dryRun);
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", "application/jsonl", BulkFormat.XLSX_TYPE})
    @Operation(
            summary = "Export the organisations, with the list's region and kind filters",
            description =
                    "Streams every organisation, in the CSV import format (`format=csv`), as an Excel workbook of the same columns "
                            + "(`format=xlsx`) or as JSON lines (`format=jsonl`), so an export can be edited and imported again. Nothing of an organisation is "
                            + "withheld from anonymous readers, so every caller gets every column.")
    // one content per @Produces type; the workbook's is described by OpenApiDefaults, for every
    // service alike
    @APIResponse(responseCode = "200", description = "The organisations")
    @APIResponse(
            responseCode = "400",
            description =
                    "A bad filter, or `xlsx` of more rows than an Excel sheet holds (1,048,575)",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response export(
            @Parameter(description = BulkFormat.FORMAT_DESCRIPTION)
                    @QueryParam("format")
                    @Pattern(
                            regexp = BulkFormat.FORMAT_PATTERN,
                            message = BulkFormat.FORMAT_MESSAGE)
                    String format,
            @Context HttpHeaders headers,
            @QueryParam("bom")
                    @DefaultValue("true")
                    @Parameter(
                            description =
                                    "CSV only: start the file with a UTF-8 byte-order "
                                            + "mark (the default), so Excel opens its Chinese text right; `false` for tools that do not expect one. "
                                            + "Imports accept either.")
                    boolean bom,
            @Parameter(description = "Region code, descendants included", example = "430700")
                    @QueryParam("region")
                    @RegionCode
                    String region,
            @Parameter(description = "Kind (repeatable)") @QueryParam("kind")
                    List<OrganizationKind> kinds) {
        BulkFormat chosen = BulkFormat.of(format, headers.getAcceptableMediaTypes());
        knownRegions.require("region", region);
        return BulkExport.response(
                chosen, "organizations", out -> csv.export(out, chosen, bom, region, kinds));
    }

    static final String JINJIAN =
            """
            {"uscc": "91430700MA4L2Q4K3Y", "nameZh": "湖南金健米业股份有限公司",
             "nameEn": "Hunan Jinjian Cereals Industry Co., Ltd.", "aliases": ["金健米业", "Jinjian Cereals"],
             "kind": "ENTERPRISE", "regionCode": "430702",
             "certifications": [{"kind": "HIGH_TECH_ENTERPRISE", "validFrom": "2018-10-17"}]}""";

    @GET
    @Path("/{id}/changes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Who changed the organisation, and when",
            description =
                    "Every change, oldest first, also of a deleted one: the version it made, "
                            + "the subject of the token that made it (also the CloudEvent's actor attribute), the time, and the fields it "
                            + "changed with their old and new values.")
    @APIResponse(responseCode = "200", description = "The changes")
    @APIResponse(
            responseCode = "404",
            description = "No such organisation",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class)))
    public Page<AuditLog.Change> changes(@PathParam("id") UUID id) {
        return Page.of(
                audit.changes(OrganizationEvents.AGGREGATE, id.toString(), () -> service.get(id)));
    }
}
