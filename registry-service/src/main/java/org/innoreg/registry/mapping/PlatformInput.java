package org.innoreg.registry.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.chassis.validation.WebAddress;
import org.innoreg.registry.domain.PlatformDetail;
import org.innoreg.registry.domain.PlatformLevel;
import org.innoreg.registry.domain.PlatformStatus;
import org.innoreg.registry.domain.PlatformType;

/** A platform as a bureau enters it (create) or replaces it (update). */
@Schema(name = "PlatformInput")
public record PlatformInput(
        @NotBlank @Size(max = 300) @Schema(example = "常德经济技术开发区科技企业孵化器", required = true)
                String nameZh,
        @Size(max = 300)
                @Schema(
                        example =
                                "Changde Economic and Technological Development Zone Technology Business Incubator")
                String nameEn,
        @Size(max = 20) List<@NotBlank @Size(max = 300) String> aliases,
        @NotNull @Schema(example = "TECH_BUSINESS_INCUBATOR", required = true) PlatformType type,
        @NotNull @Schema(example = "NATIONAL", required = true) PlatformLevel level,
        @Schema(description = "Defaults to ACTIVE", example = "ACTIVE") PlatformStatus status,
        @NotNull @RegionCode @Schema(example = "430790", required = true) String regionCode,
        @Size(max = 20) @Schema(example = "[\"electronic information\", \"advanced equipment\"]")
                List<@NotBlank @Size(max = 100) String> fields,
        @Size(max = 20) @Schema(description = "Ids of the host organisations")
                List<@NotNull UUID> hostIds,
        @PastOrPresent @Schema(example = "2015-12-01") LocalDate accreditedOn,
        @Size(max = 100) @Schema(example = "国科发高〔2015〕401号") String accreditationNo,
        @WebAddress @Schema(format = "uri", example = "https://www.cdkjfhq.cn") String website,
        @Valid PlatformDetail detail,
        @PastOrPresent
                @Schema(
                        description =
                                "On an update: the date a level, status, type or region change took "
                                        + "effect (defaults to today); recorded in the platform's history",
                        example = "2019-12-20")
                LocalDate changedOn) {}
