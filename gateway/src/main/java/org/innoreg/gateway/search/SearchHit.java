package org.innoreg.gateway.search;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One result of the cross-service search, linking to the resource that owns the record. */
@Schema(name = "SearchHit")
public record SearchHit(
        @Schema(example = "platform") String kind,
        @Schema(example = "6f1c2b9e-3c4d-4e5f-8a9b-0c1d2e3f4a5b") String id,
        @Schema(example = "常德经济技术开发区科技企业孵化器") String nameZh,
        @Schema(
                        example =
                                "Changde Economic and Technological Development Zone Technology Business Incubator")
                String nameEn,
        @Schema(example = "430790") String regionCode,
        @Schema(
                        description = "The record at its owning service, through this gateway",
                        example = "/api/v1/platforms/6f1c2b9e-3c4d-4e5f-8a9b-0c1d2e3f4a5b")
                String link,
        @Schema(description = "Similarity of the best-matching name, 0 to 1", example = "0.42")
                double score) {}
