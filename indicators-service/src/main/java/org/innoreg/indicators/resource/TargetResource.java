package org.innoreg.indicators.resource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.events.AuditLog;
import org.innoreg.chassis.regions.KnownRegions;
import org.innoreg.chassis.regions.RegionReadModel;
import org.innoreg.chassis.security.Roles;
import org.innoreg.chassis.validation.BureauCalendar;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.chassis.web.ETags;
import org.innoreg.chassis.web.Page;
import org.innoreg.chassis.web.RecordChanges;
import org.innoreg.indicators.domain.Target;
import org.innoreg.indicators.mapping.Progress;
import org.innoreg.indicators.mapping.TargetInput;
import org.innoreg.indicators.mapping.TargetView;
import org.innoreg.indicators.publishing.TargetEvents;
import org.innoreg.indicators.service.TargetProgressService;
import org.innoreg.indicators.service.TargetService;

@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Targets",
        description = "Plan targets, their progress and the scorecards a bureau director reads")
@Path("/api/v1")
public class TargetResource {

    private static final String PROGRESS_RULES =
            "LEVEL: the latest value up to the target year; ACHIEVED when it meets "
                    + "the target, else its progress from the baseline is compared with a straight line from baseline (year, value) "
                    + "to target (year, value). CUMULATIVE: the total from spanFrom to the target year, compared with the target "
                    + "pro rata to the years elapsed up to the latest year reported. ANNUAL_GROWTH: the latest value against the "
                    + "baseline grown at the target rate (percent a year) for the years since (without a baselineValue, the value "
                    + "reported for baselinePeriod). Status: at or beyond the expected "
                    + "value ON_TRACK, within 10 % of it AT_RISK, further OFF_TRACK; the target year reached and not met "
                    + "OFF_TRACK; no value reported NO_DATA. `asOf` reads the values as they were known at the end of that day; "
                    + "derived counts (and sums of them) are dated by the records themselves, so they are read as the events now "
                    + "say, for the years up to asOf's, and a year in which nothing was counted is 0.";

    private final TargetService targets;
    private final TargetProgressService targetProgress;
    private final RecordChanges changes;
    private final KnownRegions regions;

    TargetResource(
            TargetService targets,
            TargetProgressService targetProgress,
            RecordChanges changes,
            KnownRegions regions) {
        this.targetProgress = targetProgress;
        this.regions = regions;
        this.changes = changes;
        this.targets = targets;
    }

    @RolesAllowed({Roles.INDICATORS_EDITOR, Roles.ADMIN})
    @POST
    @Path("/targets")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a plan target",
            description = "Emits org.innoreg.indicators.target.created.")
    @APIResponse(
            responseCode = "201",
            description = "Recorded",
            content = @Content(schema = @Schema(implementation = TargetView.class)))
    @APIResponse(
            responseCode = "409",
            description =
                    "The plan already sets this target (same indicator, region, kind and year)")
    @APIResponse(responseCode = "422", description = "Inconsistent kind, span or baseline")
    public Response create(@NotNull(message = "{innoreg.body-required}") @Valid TargetInput input) {
        Target target = targets.create(input);
        return ETags.created("/api/v1/targets/" + target.id, TargetView.of(target), target.version);
    }

    @GET
    @Path("/targets")
    @Operation(
            summary = "List targets",
            description =
                    "Of one region, or all; `changedSince` keeps those changed at "
                            + "or after an instant.")
    @APIResponse(responseCode = "200", description = "The targets")
    public Page<TargetView> list(
            @Parameter(
                            description =
                                    "Only the targets of this region." + RegionReadModel.CATCH_UP,
                            example = "430700")
                    @QueryParam("region")
                    @RegionCode
                    String region,
            @Parameter(
                            description =
                                    "Only targets last changed at or after this instant (RFC 3339)",
                            example = "2026-12-01T08:00:00+08:00")
                    @QueryParam("changedSince")
                    OffsetDateTime changedSince) {
        regions.require("region", region);
        return Page.of(targets.list(region, changedSince), TargetView::of);
    }

    @GET
    @Path("/targets/{id}")
    @Operation(summary = "Get a target")
    @APIResponse(
            responseCode = "200",
            description = "The target",
            content = @Content(schema = @Schema(implementation = TargetView.class)))
    public Response get(@PathParam("id") UUID id) {
        Target target = targets.get(id);
        return ETags.ok(TargetView.of(target), target.version);
    }

    @GET
    @Path("/targets/{id}/progress")
    @Operation(summary = "Where a target stands on a day", description = PROGRESS_RULES)
    @APIResponse(
            responseCode = "200",
            description = "The progress",
            content = @Content(schema = @Schema(implementation = Progress.class)))
    public Progress progress(
            @PathParam("id") UUID id,
            @Parameter(description = "Default today", example = "2019-12-31") @QueryParam("asOf")
                    LocalDate asOf) {
        return targetProgress.progress(
                targets.get(id), asOf == null ? BureauCalendar.today() : asOf);
    }

    @GET
    @Path("/scorecards/{region}")
    @Operation(summary = "Every target of a region with its progress", description = PROGRESS_RULES)
    @APIResponse(responseCode = "200", description = "The scorecard")
    public Page<Progress> scorecard(
            @Parameter(
                            description = "The region (404 when none)." + RegionReadModel.CATCH_UP,
                            example = "430700")
                    @PathParam("region")
                    @RegionCode
                    String region,
            @Parameter(description = "Default today", example = "2019-12-31") @QueryParam("asOf")
                    LocalDate asOf) {
        regions.requireInPath(region);
        LocalDate day = asOf == null ? BureauCalendar.today() : asOf;
        return Page.of(targets.ofRegion(region), target -> targetProgress.progress(target, day));
    }

    @GET
    @Path("/targets/{id}/changes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Who changed the target, and when",
            description =
                    "Every change, oldest first: the version it made, "
                            + "the subject of the token that made it (also the CloudEvent's actor attribute), the time, and the fields it "
                            + "changed with their old and new values.")
    @APIResponse(responseCode = "200", description = "The changes")
    public Page<AuditLog.Change> changes(@PathParam("id") UUID id) {
        return changes.of(TargetEvents.CONTRACT, id, () -> targets.get(id));
    }
}
