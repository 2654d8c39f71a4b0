package org.innoreg.registry.domain;

import java.time.Period;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/** Recognitions an enterprise holds for a while; a high-tech enterprise certificate runs three years. */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum CertificationKind implements Labelled {
    HIGH_TECH_ENTERPRISE("高新技术企业", Period.ofYears(3)),
    SPECIALISED_SOPHISTICATED_SME("专精特新中小企业", Period.ofYears(3)),
    GAZELLE("瞪羚企业", null),
    UNICORN("独角兽企业", null);

    private final String chinese;
    private final Period standardValidity;

    CertificationKind(String chinese, Period standardValidity) {
        this.chinese = chinese;
        this.standardValidity = standardValidity;
    }

    @Override
    public String chinese() {
        return chinese;
    }

    /** How long a certificate of this kind is valid when the input does not say. */
    public Optional<Period> standardValidity() {
        return Optional.ofNullable(standardValidity);
    }
}
