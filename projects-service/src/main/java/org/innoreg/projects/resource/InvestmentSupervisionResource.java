package org.innoreg.projects.resource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.security.Roles;
import org.innoreg.chassis.web.IdempotentRequests;
import org.innoreg.chassis.web.OpenApiDefaults;
import org.innoreg.chassis.web.Page;
import org.innoreg.projects.mapping.ProgressViews;
import org.innoreg.projects.mapping.ProjectView;
import org.innoreg.projects.mapping.ReportInput;
import org.innoreg.projects.mapping.ReviewInput;
import org.innoreg.projects.service.ProgressService;

/** A project's supervision: its monthly investment reports and its supervision reviews. */
@Path("/api/v1/projects")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Projects", description = "The industrial project pipeline")
public class InvestmentSupervisionResource {

    private final ProgressService progress;
    private final CallerViews views;

    private final IdempotentRequests idempotent;

    InvestmentSupervisionResource(
            ProgressService progress, CallerViews views, IdempotentRequests idempotent) {
        this.progress = progress;
        this.views = views;
        this.idempotent = idempotent;
    }

    @RolesAllowed({Roles.PROJECTS_EDITOR, Roles.ADMIN})
    @POST
    @Path("/{id}/investment-reports")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Report a month's cumulative investment completed",
            description =
                    "A month is reported once (409); the cumulative figure cannot fall from one month to a later "
                            + "one (422). Emits org.innoreg.projects.project.investment-reported.")
    @APIResponse(
            responseCode = "200",
            description = "The project with its completed investment",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    @APIResponse(responseCode = "409", description = "That month is already reported")
    @APIResponse(
            responseCode = "422",
            description =
                    "Lower than an earlier month's figure, or more than "
                            + "innoreg.projects.rules.max-completed-to-planned (3) times the planned investment (type implausible-value, "
                            + "rule completed-investment-above-planned): nothing is stored")
    public Response report(
            @PathParam("id") UUID id,
            @NotNull(message = "{innoreg.body-required}") @Valid ReportInput input) {
        return views.tagged(progress.report(id, input));
    }

    @GET
    @Path("/{id}/investment-reports")
    @Operation(summary = "A project's monthly investment reports, by month")
    @APIResponse(responseCode = "200", description = "The reports")
    public Page<ProgressViews.Report> reports(@PathParam("id") UUID id) {
        return Page.of(
                progress.reports(id),
                r ->
                        new ProgressViews.Report(
                                java.time.YearMonth.from(r.month).toString(),
                                r.cumulative,
                                r.note));
    }

    @RolesAllowed({Roles.PROJECTS_EDITOR, Roles.ADMIN})
    @POST
    @Path("/{id}/reviews")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Record a supervision review",
            description = "Emits org.innoreg.projects.project.reviewed.")
    @APIResponse(
            responseCode = "200",
            description = "The project with its last review date",
            content = @Content(schema = @Schema(implementation = ProjectView.class)))
    public Response review(
            @PathParam("id") UUID id,
            @Parameter(description = IdempotentRequests.DESCRIPTION)
                    @HeaderParam(IdempotentRequests.HEADER)
                    String idempotencyKey,
            @NotNull(message = "{innoreg.body-required}") @Valid ReviewInput input) {
        return idempotent.run(
                idempotencyKey,
                "POST",
                "/api/v1/projects/" + id + "/reviews",
                input,
                () -> views.tagged(progress.review(id, input)));
    }

    @GET
    @Path("/{id}/reviews")
    @Operation(summary = "A project's supervision reviews, oldest first")
    @APIResponse(responseCode = "200", description = "The reviews")
    @Extension(
            name = OpenApiDefaults.OPTIONAL_BEARER,
            value = "true") // a token shows what a bureau does not publish
    public Page<ProgressViews.Review> reviews(@PathParam("id") UUID id) {
        return Page.of(
                progress.reviews(id),
                r -> views.review(new ProgressViews.Review(r.reviewedOn, r.reviewer, r.summary)));
    }
}
