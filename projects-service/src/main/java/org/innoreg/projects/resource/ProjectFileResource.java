package org.innoreg.projects.resource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.bulk.BulkExport;
import org.innoreg.chassis.bulk.BulkFormat;
import org.innoreg.chassis.bulk.CsvImporter;
import org.innoreg.chassis.bulk.ExportFile;
import org.innoreg.chassis.bulk.ImportFile;
import org.innoreg.chassis.bulk.ImportReport;
import org.innoreg.chassis.regions.KnownRegions;
import org.innoreg.chassis.security.Roles;
import org.innoreg.chassis.web.OpenApiDefaults;
import org.innoreg.projects.service.ProjectCsv;
import org.innoreg.projects.service.ProjectExport;

/** The pipeline as a file: export with the list's filters, and import from CSV or a workbook. */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "The industrial project pipeline")
public class ProjectFileResource {

    private final ProjectExport export;
    private final ProjectCsv csv;
    private final CsvImporter importer;
    private final KnownRegions regions;

    ProjectFileResource(
            ProjectExport export, ProjectCsv csv, CsvImporter importer, KnownRegions regions) {
        this.export = export;
        this.csv = csv;
        this.importer = importer;
        this.regions = regions;
    }

    @GET
    @Path("/export")
    @Produces({"text/csv", "application/jsonl", BulkFormat.XLSX_TYPE})
    @Operation(
            summary = "Export the pipeline, with the list's filters",
            description =
                    "Streams the projects the list's filters keep (`region` with its subtree, `stage`, `tier`, `kind`, "
                            + "`signedYear`, `landedYear`; all without filters), as CSV in the import's format (`format=csv`), an Excel "
                            + "workbook of the same columns (`format=xlsx`) or JSON lines (`format=jsonl`). "
                            + "What is not published (the supervising `responsibleOfficial`) is exported to authenticated readers "
                            + "only: for anyone else the column (and the JSON field) is left out, not blank, so importing such a "
                            + "file with a token keeps the stored officials.")
    // one content per @Produces type; the workbook's is described by OpenApiDefaults, for every
    // service alike
    @APIResponse(responseCode = "200", description = "The projects")
    @Extension(
            name = OpenApiDefaults.OPTIONAL_BEARER,
            value = "true") // a token shows what a bureau does not publish
    public Response export(
            @BeanParam @Valid ExportFile file, @BeanParam @Valid PipelineFilters filters) {
        regions.require("region", filters.region);
        BulkFormat chosen = file.format();
        return BulkExport.response(
                chosen,
                "projects",
                export.body(
                        chosen,
                        file.bom(),
                        filters.region,
                        filters.stage,
                        filters.tier,
                        filters.kind,
                        filters.signedYear,
                        filters.landedYear));
    }

    @RolesAllowed({Roles.PROJECTS_EDITOR, Roles.ADMIN})
    @POST
    @Path("/import")
    @Consumes({
        "text/csv",
        MediaType.TEXT_PLAIN,
        BulkFormat.XLSX_TYPE,
        MediaType.APPLICATION_OCTET_STREAM
    })
    @Operation(
            summary = "Import projects from CSV or an Excel workbook",
            description =
                    BulkFormat.IMPORT_CSV
                            + "Columns by English or Chinese name (项目名称, 投资方, 资金来源, 项目类型, 产业链, 地区代码, 计划投资, "
                            + "阶段, 阶段日期, 签约日期, 落地日期, …). An import is a dry run unless `dryRun=false`: the dry run only reports; a real run is all or nothing. A row with an `id` updates that project (a changed name is a rename); one without is matched by region and name; a file naming one project twice is refused. "
                            + "A column the file does not have leaves that field of an existing project as it is: an import never "
                            + "changes a field whose column is absent (an anonymous export has no `responsibleOfficial` column, "
                            + "and importing it keeps the officials)."
                            + BulkFormat.IMPORT_WORKBOOK)
    @RequestBody(
            content = {
                @Content(
                        mediaType = "text/csv",
                        schema = @Schema(type = SchemaType.STRING),
                        examples =
                                @ExampleObject(
                                        name = "One landed project",
                                        ref = "OneLandedProjectCsv")),
                @Content(mediaType = BulkFormat.XLSX_TYPE)
            })
    // the ImportReport body is the method's type
    @APIResponse(responseCode = "200", description = "What was (or would be) done")
    public ImportReport importCsv(@BeanParam ImportFile file, InputStream body) {
        return file.run(importer, body, csv);
    }
}
