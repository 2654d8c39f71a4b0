package org.innoreg.gateway.resource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.innoreg.chassis.problem.Messages;
import org.innoreg.chassis.problem.ProblemException;
import org.innoreg.chassis.regions.KnownRegions;
import org.innoreg.chassis.regions.RegionReadModel;
import org.innoreg.chassis.security.Roles;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.chassis.web.Page;
import org.innoreg.gateway.search.SearchHit;
import org.innoreg.gateway.search.SearchRebuild;
import org.innoreg.gateway.search.SearchRepository;

@Path("/api/v1/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "One search across the registry and the project pipeline")
public class SearchResource {

    private static final Set<String> KINDS = Set.of("platform", "organization", "project");

    private final SearchRepository search;
    private final SearchRebuild rebuild;
    private final KnownRegions regions;

    SearchResource(SearchRepository search, SearchRebuild rebuild, KnownRegions regions) {
        this.search = search;
        this.rebuild = rebuild;
        this.regions = regions;
    }

    @RolesAllowed(Roles.ADMIN)
    @POST
    @Path("/rebuild")
    @Operation(
            summary = "Rebuild the search read model from the event feed",
            description =
                    "Empties the model and replays every event the gateway has received, oldest first.")
    @APIResponse(responseCode = "200", description = "How many events were replayed")
    public Map<String, Long> rebuild() {
        return Map.of("replayedEvents", rebuild.rebuild());
    }

    @GET
    @Operation(
            summary = "Search platforms, organisations and projects by name",
            description =
                    "Matches any part of a Chinese or English name, alias, investor or USCC; best match first. "
                            + "Answers the best `limit` hits (at most 100) and, in `total`, how many records match: "
                            + "narrow the text, `kind` or `region` to reach the others. "
                            + "Fed by the services' events, so a change shows up within about a second.")
    @APIResponse(
            responseCode = "200",
            description = "Ranked hits, each linking to its owning resource")
    // its Problem body and example are the chassis's, as for every problem response
    @APIResponse(responseCode = "400", description = "Missing text or unknown kind")
    public Page<SearchHit> search(
            @Parameter(description = "Text to find", example = "孵化器", required = true)
                    @QueryParam("q")
                    @NotBlank
                    @Size(max = 100)
                    String q,
            @Parameter(
                            description = "Comma-separated: platform, organization, project",
                            example = "platform,project")
                    @QueryParam("kind")
                    @Pattern(regexp = "[a-z, ]{0,60}", message = "{innoreg.search-kind}")
                    String kind,
            @Parameter(
                            description =
                                    "Region code, descendants included." + RegionReadModel.CATCH_UP,
                            example = "430700")
                    @QueryParam("region")
                    @RegionCode
                    String region,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(100) int limit) {
        regions.require("region", region);
        Set<String> kinds = new LinkedHashSet<>();
        if (kind != null) {
            for (String k : kind.split(",")) {
                String name = k.strip();
                if (!name.isEmpty() && !KINDS.contains(name)) {
                    throw ProblemException.invalid(
                            "kind",
                            Messages.text(
                                    "field.not-one-of", name, "platform, organization, project"));
                }
                if (!name.isEmpty()) {
                    kinds.add(name);
                }
            }
        }
        SearchRepository.Hits hits = search.search(q, kinds, region, limit);
        return new Page<>(hits.best(), hits.matching(), null, null);
    }
}
