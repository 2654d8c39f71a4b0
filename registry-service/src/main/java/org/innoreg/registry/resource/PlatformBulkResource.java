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
import org.innoreg.registry.domain.PlatformLevel;
import org.innoreg.registry.domain.PlatformStatus;
import org.innoreg.registry.domain.PlatformType;
import org.innoreg.registry.service.KnownRegions;
import org.innoreg.registry.service.PlatformCsv;
import org.innoreg.registry.service.PlatformExport;

/** The registry of platforms in and out as files: CSV or workbook import, streamed export. */
@Path("/api/v1/platforms")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Platforms", description = PlatformResource.TAG)
public class PlatformBulkResource {

    private final PlatformCsv csv;
    private final PlatformExport exports;
    private final CsvImporter importer;
    private final KnownRegions knownRegions;

    PlatformBulkResource(
            PlatformCsv csv,
            PlatformExport exports,
            CsvImporter importer,
            KnownRegions knownRegions) {
        this.csv = csv;
        this.exports = exports;
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
            summary = "Import platforms from CSV or an Excel workbook",
            description =
                    BulkFormat.IMPORT_CSV
                            + "Columns by English or Chinese name (名称, 类型, 级别, 地区代码, "
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
                                        ref = "TwoChangdePlatformsCsv")),
                @Content(mediaType = BulkFormat.XLSX_TYPE)
            })
    // the ImportReport body is the method's type
    @APIResponse(responseCode = "200", description = "What was (or, on a dry run, would be) done")
    public ImportReport importCsv(@BeanParam ImportFile file, InputStream body) {
        return file.run(importer, body, csv);
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
    public Response export(
            @BeanParam @Valid ExportFile file,
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
        BulkFormat chosen = file.format();
        knownRegions.require("region", region);
        return BulkExport.response(
                chosen,
                "platforms",
                out -> exports.export(out, chosen, file.bom(), region, types, levels, statuses));
    }
}
