package org.innoreg.indicators.resource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.bulk.BulkExport;
import org.innoreg.chassis.bulk.BulkFormat;
import org.innoreg.chassis.regions.KnownRegions;
import org.innoreg.chassis.regions.RegionReadModel;
import org.innoreg.chassis.security.Roles;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.chassis.web.ETags;
import org.innoreg.chassis.web.Page;
import org.innoreg.chassis.write.ExpectedVersion;
import org.innoreg.indicators.mapping.ObservationInput;
import org.innoreg.indicators.mapping.ObservationView;
import org.innoreg.indicators.service.IndicatorService;
import org.innoreg.indicators.service.ObservationSeries;
import org.innoreg.indicators.service.ObservationService;

@Path("/api/v1/indicators/{code}")
@Tag(name = "Observations", description = "Reported values of indicators, with every revision kept")
public class ObservationResource {

    private static final String PERIOD = "[12][0-9]{3}(-Q[1-4]|-(0[1-9]|1[0-2]))?";
    private static final String PERIOD_MESSAGE = "{innoreg.period}";

    private final ObservationService observations;
    private final ObservationSeries series;
    private final IndicatorService indicators;

    private final KnownRegions regions;

    ObservationResource(
            ObservationService observations,
            ObservationSeries series,
            IndicatorService indicators,
            KnownRegions regions) {
        this.regions = regions;
        this.observations = observations;
        this.series = series;
        this.indicators = indicators;
    }

    @RolesAllowed({Roles.INDICATORS_EDITOR, Roles.ADMIN})
    @PUT
    @Path("/observations/{region}/{period}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record or revise a value",
            description =
                    "The first value of a cell is recorded (201); a different later one is a revision (200): it "
                            + "needs If-Match with the cell's ETag, and the old value stays readable (revisions, asOf). Emits "
                            + "org.innoreg.indicators.observation.recorded or .revised. Derived and computed indicators are "
                            + "not written by hand (409).")
    @APIResponse(
            responseCode = "200",
            description = "Revised (or unchanged)",
            content = @Content(schema = @Schema(implementation = ObservationView.class)))
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = ObservationView.class)))
    @APIResponse(responseCode = "409", description = "A derived or computed indicator")
    @APIResponse(
            responseCode = "422",
            description =
                    "A period that does not fit the indicator's frequency, or a value that "
                            + "cannot be right (type implausible-value, its rule in `rule`): a COUNT, PER_10K_PEOPLE or PERCENT value "
                            + "below zero (negative-value), a PERCENT value above 100 (percent-above-100), a "
                            + "part that would put a computed share such as R&D spending ÷ GDP above 100 % (share-above-100), a revision two "
                            + "orders of magnitude from the last value without confirm=true (revision-jump). Nothing is stored.")
    // If-Match is optional here (a first value needs none), so the chassis does not add the 428
    @APIResponse(responseCode = "428", description = "Revising without If-Match")
    public Response put(
            @Parameter(example = "patent_applications") @PathParam("code") String code,
            @Parameter(
                            description =
                                    "The cell's region (404 when none)." + RegionReadModel.CATCH_UP,
                            example = "430400")
                    @PathParam("region")
                    @RegionCode
                    String region,
            @Parameter(example = "2017")
                    @PathParam("period")
                    @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE)
                    String period,
            @HeaderParam("If-Match") String ifMatch,
            @Parameter(
                            description =
                                    "true to record a revision that is 100 times the cell's last value or more, or a "
                                            + "hundredth of it or less (innoreg.indicators.rules.revision-jump-factor), after checking it: without it "
                                            + "such a revision is refused (422, rule revision-jump)",
                            example = "false")
                    @QueryParam("confirm")
                    @DefaultValue("false")
                    boolean confirm,
            @NotNull(message = "{innoreg.body-required}") @Valid ObservationInput input) {
        ObservationService.Written written =
                observations.put(
                        code, region, period, ExpectedVersion.ifMatch(ifMatch), input, confirm);
        return Response.status(written.outcome() == ObservationService.Outcome.RECORDED ? 201 : 200)
                .tag(ETags.of(written.observation().version))
                .entity(ObservationView.of(written.observation()))
                .build();
    }

    @GET
    @Path("/observations/{region}/{period}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The current value of a cell")
    @APIResponse(
            responseCode = "200",
            description = "The value; ETag carries the cell's version",
            content = @Content(schema = @Schema(implementation = ObservationView.class)))
    @APIResponse(responseCode = "404", description = "No value for that cell")
    public Response get(
            @PathParam("code") String code,
            @PathParam("region") @RegionCode String region,
            @PathParam("period") @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE)
                    String period) {
        var observation = observations.get(code, region, period);
        return ETags.ok(ObservationView.of(observation), observation.version);
    }

    @GET
    @Path("/observations/{region}/{period}/revisions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every value a cell has had, oldest first")
    @APIResponse(responseCode = "200", description = "The revisions")
    public Page<ObservationView> revisions(
            @PathParam("code") String code,
            @PathParam("region") @RegionCode String region,
            @PathParam("period") @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE)
                    String period) {
        return Page.of(observations.revisions(code, region, period), ObservationView::of);
    }

    @GET
    @Path("/series")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", BulkFormat.XLSX_TYPE})
    @Operation(
            summary = "An indicator's values in period order",
            description =
                    "For one region or all. `asOf` reads the series as it was known at that time; `changedSince` "
                            + "keeps only cells changed at or after it. `format=sdmx-csv` gives SDMX-CSV 2.0 (STRUCTURE, STRUCTURE_ID, "
                            + "ACTION, REF_AREA, TIME_PERIOD, OBS_VALUE, UNIT_MEASURE, OBS_STATUS with A = final, P = provisional); "
                            + "`format=csv` a plain CSV, `format=xlsx` the same columns as an Excel workbook (values as number "
                            + "cells, regions and periods as text).")
    @APIResponse(
            responseCode = "200",
            description = "The series",
            content = {
                // the revisions' page: the same cells (Page<ObservationView>, named by the chassis)
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(ref = "ObservationPage")),
                @Content(mediaType = "text/csv"),
                @Content(mediaType = BulkFormat.XLSX_TYPE)
            })
    @APIResponse(responseCode = "400", description = "Malformed period, time or format")
    public Response series(
            @PathParam("code") String code,
            @Parameter(
                            description =
                                    "Only the cells of this region." + RegionReadModel.CATCH_UP,
                            example = "430400")
                    @QueryParam("region")
                    @RegionCode
                    String region,
            @Parameter(example = "2016")
                    @QueryParam("from")
                    @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE)
                    String from,
            @Parameter(example = "2020")
                    @QueryParam("to")
                    @Pattern(regexp = PERIOD, message = PERIOD_MESSAGE)
                    String to,
            @Parameter(
                            description = "As known at this time (RFC 3339)",
                            example = "2019-01-01T00:00:00Z")
                    @QueryParam("asOf")
                    OffsetDateTime asOf,
            @Parameter(
                            description =
                                    "Only cells whose value changed at or after this instant (RFC 3339)",
                            example = "2026-12-01T08:00:00+08:00")
                    @QueryParam("changedSince")
                    OffsetDateTime changedSince,
            @QueryParam("format")
                    @DefaultValue("json")
                    @Pattern(regexp = "json|csv|sdmx-csv|xlsx", message = "{innoreg.series-format}")
                    String format) {
        regions.require("region", region);
        List<ObservationView> values = series.series(code, region, from, to, asOf, changedSince);
        return switch (format) {
            case "sdmx-csv" ->
                    Response.ok(
                                    SeriesFiles.sdmxCsv(indicators.get(code), values),
                                    "text/csv; charset=UTF-8")
                            .build();
            case "csv" ->
                    BulkExport.response(
                            BulkFormat.CSV,
                            code,
                            out -> SeriesFiles.table(values, BulkFormat.CSV, out));
            case "xlsx" ->
                    BulkExport.response(
                            BulkFormat.XLSX,
                            code,
                            out -> SeriesFiles.table(values, BulkFormat.XLSX, out));
            default -> Response.ok(Page.of(values), MediaType.APPLICATION_JSON).build();
        };
    }
}
