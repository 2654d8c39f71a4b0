package org.innoreg.registry.domain;

import java.time.Period;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/**
 * Recognitions an enterprise holds for a while; a high-tech enterprise certificate runs three
 * years.
 */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum CertificationKind implements Labelled {
    HIGH_TECH_ENTERPRISE(Period.ofYears(3)),
    SPECIALISED_SOPHISTICATED_SME(Period.ofYears(3)),
    GAZELLE(null),
    UNICORN(null);

    private final Period standardValidity;

    CertificationKind(Period standardValidity) {
        this.standardValidity = standardValidity;
    }

    /** How long a certificate of this kind is valid when the input does not say. */
    public Optional<Period> standardValidity() {
        return Optional.ofNullable(standardValidity);
    }
}
