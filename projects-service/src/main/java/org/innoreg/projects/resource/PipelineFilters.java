package org.innoreg.projects.resource;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.innoreg.chassis.regions.RegionReadModel;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.projects.domain.InvestmentTier;
import org.innoreg.projects.domain.ProjectKind;
import org.innoreg.projects.domain.ProjectStage;

/**
 * The pipeline's filters that the list and the export take alike, as one {@code @BeanParam} (with
 * {@code @Valid}, so a bad value is a 400 naming its parameter): stage, tier, region, kind and the
 * signing and landing years.
 */
public class PipelineFilters {

    @Parameter(description = "Stage (repeatable)")
    @QueryParam("stage")
    List<ProjectStage> stage;

    @Parameter(description = "Tier (repeatable)")
    @QueryParam("tier")
    List<InvestmentTier> tier;

    @Parameter(
            description = "Region code; its descendants are included." + RegionReadModel.CATCH_UP,
            example = "430700")
    @QueryParam("region")
    @RegionCode
    String region;

    @QueryParam("kind")
    ProjectKind kind;

    @Parameter(example = "2018")
    @QueryParam("signedYear")
    @Min(1949)
    @Max(2100)
    Integer signedYear;

    @Parameter(example = "2018")
    @QueryParam("landedYear")
    @Min(1949)
    @Max(2100)
    Integer landedYear;
}
