package org.innoreg.registry.mapping;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.registry.domain.RegionLevel;

/** A new region: its GB/T 2260 code, names, level and parent. */
@Schema(name = "RegionInput")
public record RegionInput(
        @NotNull @RegionCode @Schema(example = "430790", required = true) String code,
        @NotBlank @Size(max = 200) @Schema(example = "常德经济技术开发区", required = true) String nameZh,
        @NotBlank
                @Size(max = 200)
                @Schema(
                        example = "Changde Economic and Technological Development Zone",
                        required = true)
                String nameEn,
        @NotNull @Schema(example = "SPECIAL_AREA", required = true) RegionLevel level,
        @RegionCode
                @Schema(example = "430700", description = "Required for every level but PROVINCE")
                String parentCode) {}
