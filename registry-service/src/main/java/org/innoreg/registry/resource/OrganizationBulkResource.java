package org.innoreg.registry.resource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
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
import org.innoreg.chassis.problem.Problem;
import org.innoreg.chassis.security.Roles;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.registry.domain.OrganizationKind;
import org.innoreg.registry.service.KnownRegions;
import org.innoreg.registry.service.OrganizationCsv;

/** The organisations in and out as files: CSV or workbook import, streamed export. */
@Path("/api/v1/organizations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organizations", description = OrganizationResource.TAG)
public class OrganizationBulkResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    private final OrganizationCsv csv;
    private final CsvImporter importer;
    private final KnownRegions knownRegions;

    OrganizationBulkResource(OrganizationCsv csv, CsvImporter importer, KnownRegions knownRegions) {
        this.csv = csv;
        this.importer = importer;
        this.knownRegions = knownRegions;
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
}
