package org.innoreg.registry.resource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.innoreg.chassis.bulk.ExportFile;
import org.innoreg.chassis.bulk.ImportFile;
import org.innoreg.chassis.bulk.ImportReport;
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
                    BulkFormat.IMPORT_CSV
                            + "Columns by English or Chinese name (统一社会信用代码, 名称, 英文名称, 别名, 类型, 地区代码, 资质). "
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
                                @ExampleObject(name = "One enterprise", ref = "OneEnterpriseCsv")),
                @Content(mediaType = BulkFormat.XLSX_TYPE)
            })
    // the ImportReport body is the method's type
    @APIResponse(responseCode = "200", description = "What was (or would be) done")
    public ImportReport importCsv(@BeanParam ImportFile file, InputStream body) {
        return file.run(importer, body, csv);
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
    public Response export(
            @BeanParam @Valid ExportFile file,
            @Parameter(description = "Region code, descendants included", example = "430700")
                    @QueryParam("region")
                    @RegionCode
                    String region,
            @Parameter(description = "Kind (repeatable)") @QueryParam("kind")
                    List<OrganizationKind> kinds) {
        BulkFormat chosen = file.format();
        knownRegions.require("region", region);
        return BulkExport.response(
                chosen, "organizations", out -> csv.export(out, chosen, file.bom(), region, kinds));
    }
}
