package org.innoreg.registry.mapping;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A candidate for a free-text organisation name. */
@Schema(name = "OrganizationMatch")
public record OrganizationMatch(
        OrganizationView organization,
        @Schema(description = "Similarity of the best-matching name, 0 to 1", example = "0.92")
                double score,
        @Schema(
                        description =
                                "True for at most one candidate, and only when it clearly is the one meant")
                boolean confident) {}
