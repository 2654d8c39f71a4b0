package org.innoreg.registry.mapping;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.registry.domain.OrganizationKind;

/** An organisation as the API and its events show it. */
@Schema(name = "Organization")
public record OrganizationView(
        UUID id,
        @Schema(example = "91430700MA4L2Q4K3Y") String uscc,
        @Schema(example = "湖南金健米业股份有限公司") String nameZh,
        @Schema(example = "Hunan Jinjian Cereals Industry Co., Ltd.") String nameEn,
        List<String> aliases,
        OrganizationKind kind,
        String regionCode,
        List<CertificationInput> certifications,
        long version,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {}
