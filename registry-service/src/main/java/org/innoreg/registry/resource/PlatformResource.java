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
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
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
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.security.Roles;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.chassis.web.Cursor;
import org.innoreg.chassis.web.ETags;
import org.innoreg.chassis.web.IdempotentRequests;
import org.innoreg.chassis.web.Page;
import org.innoreg.chassis.write.ExpectedVersion;
import org.innoreg.registry.domain.Platform;
import org.innoreg.registry.domain.PlatformLevel;
import org.innoreg.registry.domain.PlatformStatus;
import org.innoreg.registry.domain.PlatformType;
import org.innoreg.registry.events.PlatformEvents;
import org.innoreg.registry.mapping.PlatformHistoryView;
import org.innoreg.registry.mapping.PlatformInput;
import org.innoreg.registry.mapping.PlatformMapper;
import org.innoreg.registry.mapping.PlatformStats;
import org.innoreg.registry.mapping.PlatformView;
import org.innoreg.registry.repository.PlatformFilter;
import org.innoreg.registry.repository.PlatformRepository;
import org.innoreg.registry.repository.PlatformSort;
import org.innoreg.registry.service.KnownRegions;
import org.innoreg.registry.service.PlatformCsv;
import org.innoreg.registry.service.PlatformService;

@Path("/api/v1/platforms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Platforms",
        description =
                "Accredited innovation platforms: incubators, key laboratories, academician workstations…")
public class PlatformResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    private final PlatformService service;
    private final PlatformRepository platforms;
    private final PlatformCsv csv;
    private final CsvImporter importer;
    private final IdempotentRequests idempotent;
    private final AuditLog audit;
    private final KnownRegions knownRegions;

    PlatformResource(
            PlatformService service,
            PlatformRepository platforms,
            PlatformCsv csv,
            CsvImporter importer,
            IdempotentRequests idempotent,
            AuditLog audit,
            KnownRegions knownRegions) {
        this.audit = audit;
        this.knownRegions = knownRegions;
        this.service = service;
        this.platforms = platforms;
        this.csv = csv;
        this.importer = importer;
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
    @APIResponse(
            responseCode = "400",
            description = "Malformed filter, sort or cursor",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
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
        String text = q == null || q.isBlank() ? null : q;
        PlatformFilter filter =
                new PlatformFilter(
                        asSet(types, PlatformType.class),
                        asSet(levels, PlatformLevel.class),
                        asSet(statuses, PlatformStatus.class),
                        region,
                        field,
                        host,
                        accreditedFrom,
                        accreditedTo,
                        changedSince,
                        text);
        PlatformSort order = PlatformSort.fromParam(sort, text != null);
        List<String> after = cursor == null ? null : Cursor.decode(cursor, 2);
        return knownRegions
                .requireReactive("region", region)
                .flatMap(
                        known -> {
                            Uni<PlatformRepository.Slice> slice =
                                    platforms.search(filter, order, after, limit + 1);
                            Uni<Long> total =
                                    facets ? platforms.count(filter) : Uni.createFrom().nullItem();
                            Uni<Map<String, Map<String, Long>>> counts =
                                    !facets
                                            ? Uni.createFrom().nullItem()
                                            : Uni.combine()
                                                    .all()
                                                    .unis(
                                                            platforms.facet(filter, "type"),
                                                            platforms.facet(filter, "level"),
                                                            platforms.facet(filter, "region_code"))
                                                    .with(
                                                            (byType, byLevel, byRegion) -> {
                                                                Map<String, Map<String, Long>>
                                                                        byFacet =
                                                                                new LinkedHashMap<>();
                                                                byFacet.put("type", byType);
                                                                byFacet.put("level", byLevel);
                                                                byFacet.put("region", byRegion);
                                                                return byFacet;
                                                            });
                            return Uni.combine()
                                    .all()
                                    .unis(slice, total, counts)
                                    .with(
                                            (page, counted, byFacet) ->
                                                    Page.ofKeyset(
                                                            page.platforms(),
                                                            page.keys(),
                                                            limit,
                                                            p -> p.id().toString(),
                                                            Function.identity(),
                                                            uri,
                                                            counted,
                                                            byFacet));
                        });
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a platform")
    @APIResponse(
            responseCode = "200",
            description = "The platform; ETag carries its version",
            content = @Content(schema = @Schema(implementation = PlatformView.class)))
    @APIResponse(
            responseCode = "404",
            description = "No such platform",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
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
    @APIResponse(
            responseCode = "404",
            description = "No such platform",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<PlatformHistoryView> history(@PathParam("id") UUID id) {
        return Page.of(service.history(id).stream().map(PlatformHistoryView::of).toList());
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
                                        value = YUNJIN),
                                @ExampleObject(
                                        name =
                                                "Changde ED Zone national technology business incubator",
                                        value = CHANGDE_INCUBATOR),
                                @ExampleObject(
                                        name =
                                                "National Key Laboratory of Polymer Science and Technology",
                                        value = POLYMER_LAB)
                            }))
    @APIResponse(
            responseCode = "201",
            description = "Registered",
            content = @Content(schema = @Schema(implementation = PlatformView.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "The region already has a platform of that name",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "422",
            description =
                    "Unknown region or host, detail not fitting the type, or an "
                            + "Idempotency-Key reused for another request",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @Parameter(
                            description =
                                    "Makes a retried create return the first response instead of a duplicate")
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
                    return Response.created(URI.create("/api/v1/platforms/" + platform.id))
                            .tag(ETags.of(platform.version))
                            .entity(PlatformMapper.toView(platform))
                            .build();
                });
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
    @APIResponse(
            responseCode = "404",
            description = "No such platform",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "Stale If-Match: someone changed it since your read",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response update(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = ETags.IF_MATCH, example = "\"3\"")
                    @HeaderParam("If-Match")
                    String ifMatch,
            @NotNull(message = "{innoreg.body-required}") @Valid PlatformInput input) {
        Platform platform = service.update(id, ExpectedVersion.ifMatch(ifMatch), input);
        return Response.ok(PlatformMapper.toView(platform)).tag(ETags.of(platform.version)).build();
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
    public Response delete(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = ETags.IF_MATCH) @HeaderParam("If-Match")
                    String ifMatch) {
        service.delete(id, ExpectedVersion.ifMatch(ifMatch));
        return Response.noContent().build();
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
    @APIResponse(
            responseCode = "400",
            description = "Unknown group or malformed date",
            content =
                    @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
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
        List<String> groups = new ArrayList<>();
        for (String group : groupBy.split(",")) {
            String column =
                    switch (group.strip()) {
                        case "type" -> "type";
                        case "level" -> "level";
                        case "region" -> "region_code";
                        case "status" -> "status";
                        case "" -> null;
                        default ->
                                throw ProblemException.invalid(
                                        "groupBy",
                                        Messages.text(
                                                "field.not-one-of",
                                                group.strip(),
                                                "type, level, region, status"));
                    };
            if (column != null && !groups.contains(column)) {
                groups.add(column);
            }
        }
        knownRegions.require("region", region);
        LocalDate date = asOf == null ? LocalDate.now() : asOf;
        Set<PlatformStatus> counted =
                statuses == null || statuses.isEmpty()
                        ? EnumSet.of(PlatformStatus.ACTIVE)
                        : EnumSet.copyOf(statuses);
        return PlatformStats.of(
                date,
                groups,
                counted,
                platforms.countAsOf(
                        date, groups, counted.stream().map(Enum::name).toList(), region));
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
            summary = "Import platforms from CSV or an Excel workbook",
            description =
                    "CSV with a header row, in UTF-8 (with or without a byte-order mark) or GB18030/GBK (recognised from the bytes, "
                            + "or named by `charset=` in Content-Type); a byte that does not decode is a 400 problem naming its line "
                            + "and column. Columns by English or Chinese name (名称, 类型, 级别, 地区代码, "
                            + "依托单位, 领域, 认定日期, 认定文号, …). An import is a dry run unless `dryRun=false`: the dry run only reports. A real run changes nothing unless "
                            + "every row is valid, then creates or updates each row (a row with an `id` updates that platform, so a changed name is a rename; one without is matched by region and Chinese name) in one "
                            + "transaction, with one event per created or updated platform. Import host organisations first. "
                            + "A column the file does not have leaves that field of an existing platform as it is: an import "
                            + "never changes a field whose column is absent."
                            + BulkFormat.IMPORT_WORKBOOK)
    @RequestBody(
            content = {
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = SchemaType.STRING),
                        examples =
                                @ExampleObject(
                                        name = "Two Changde platforms",
                                        value =
                                                "名称,类型,级别,地区代码,依托单位,认定日期\n"
                                                        + "湖南金健米业国家工程技术研究中心,工程技术研究中心,国家级,430702,91430700183870013J,2011-10-01\n"
                                                        + "云锦集团院士工作站,院士工作站,省级,430703,云锦集团,2014-06-01\n")),
                @Content(mediaType = BulkFormat.XLSX_TYPE)
            })
    @APIResponse(
            responseCode = "200",
            description = "What was (or, on a dry run, would be) done",
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
            description = "Invalid rows: nothing was imported; the report lists them",
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
            summary = "Export the registry of platforms, with the list's filters",
            description =
                    "Streams every platform, in the CSV import format (`format=csv`), as an Excel workbook of the same columns (`format=xlsx`, or `Accept: "
                            + BulkFormat.XLSX_TYPE
                            + "`) or as JSON lines (`format=jsonl`). "
                            + "Nothing of a platform is withheld from anonymous readers, so every caller gets every column. "
                            + "Takes the list's filters (`region` with its subtree, `type`, `level`, `status`), so a bureau can "
                            + "export its own region and import it again.")
    // one content per @Produces type; the workbook's is described by OpenApiDefaults, for every
    // service alike
    @APIResponse(responseCode = "200", description = "The platforms")
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
            @Parameter(description = "Platform type (repeatable)") @QueryParam("type")
                    List<PlatformType> types,
            @Parameter(description = "Level (repeatable)") @QueryParam("level")
                    List<PlatformLevel> levels,
            @Parameter(description = "Status (repeatable)") @QueryParam("status")
                    List<PlatformStatus> statuses) {
        BulkFormat chosen = BulkFormat.of(format, headers.getAcceptableMediaTypes());
        knownRegions.require("region", region);
        return BulkExport.response(
                chosen,
                "platforms",
                out -> csv.export(out, chosen, bom, region, types, levels, statuses));
    }

    private static <E extends Enum<E>> Set<E> asSet(List<E> values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (values != null) {
            values.stream().filter(v -> v != null).forEach(set::add);
        }
        return set;
    }

    static final String YUNJIN =
            """
            {"nameZh": "云锦集团院士工作站", "nameEn": "Yunjin Textile Group Academician Workstation",
             "type": "ACADEMICIAN_WORKSTATION", "level": "PROVINCIAL", "regionCode": "430703",
             "fields": ["textiles", "new materials"], "accreditedOn": "2014-06-01",
             "detail": {"academicians": [{"name": "Yu Jianyong", "academy": "CAE", "field": "textile engineering"}],
                        "partnerEnterprise": "Hunan Yunjin Group"}}""";

    static final String CHANGDE_INCUBATOR =
            """
            {"nameZh": "常德经济技术开发区科技企业孵化器",
             "nameEn": "Changde Economic and Technological Development Zone Technology Business Incubator",
             "type": "TECH_BUSINESS_INCUBATOR", "level": "NATIONAL", "regionCode": "430790",
             "fields": ["electronic information", "advanced equipment"], "accreditedOn": "2015-12-01",
             "detail": {"floorAreaM2": 52000, "tenants": 120, "graduates": 35}}""";

    static final String POLYMER_LAB =
            """
            {"nameZh": "高分子科学与技术国家重点实验室", "nameEn": "National Key Laboratory of Polymer Science and Technology",
             "type": "KEY_LABORATORY", "level": "NATIONAL", "regionCode": "220190", "fields": ["new materials"]}""";

    @GET
    @Path("/{id}/changes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Who changed the platform, and when",
            description =
                    "Every change, oldest first, also of a deleted one: the version it made, "
                            + "the subject of the token that made it (also the CloudEvent's actor attribute), the time, and the fields it "
                            + "changed with their old and new values.")
    @APIResponse(responseCode = "200", description = "The changes")
    @APIResponse(
            responseCode = "404",
            description = "No such platform",
            content =
                    @Content(
                            mediaType = Problem.MEDIA_TYPE,
                            schema = @Schema(implementation = Problem.class)))
    public Page<AuditLog.Change> changes(@PathParam("id") UUID id) {
        return Page.of(
                audit.changes(PlatformEvents.AGGREGATE, id.toString(), () -> service.get(id)));
    }
}
