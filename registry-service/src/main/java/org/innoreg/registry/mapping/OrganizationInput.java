package org.innoreg.registry.mapping;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.validation.RegionCode;
import org.innoreg.chassis.validation.UnifiedSocialCreditCode;
import org.innoreg.registry.domain.OrganizationKind;

/** An organisation as a bureau enters it. */
@Schema(name = "OrganizationInput")
public record OrganizationInput(
        @NotNull @UnifiedSocialCreditCode @Schema(example = "91430700MA4L2Q4K3Y", required = true)
                String uscc,
        @NotBlank @Size(max = 300) @Schema(example = "湖南金健米业股份有限公司", required = true) String nameZh,
        @Size(max = 300) @Schema(example = "Hunan Jinjian Cereals Industry Co., Ltd.")
                String nameEn,
        @Size(max = 20) @Schema(example = "[\"金健米业\", \"Jinjian Cereals\"]")
                List<@NotBlank @Size(max = 300) String> aliases,
        @NotNull @Schema(example = "ENTERPRISE", required = true) OrganizationKind kind,
        @NotNull @RegionCode @Schema(example = "430702", required = true) String regionCode,
        @Valid @Size(max = 50) List<@NotNull @Valid CertificationInput> certifications) {}
