package org.innoreg.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;
import java.util.Objects;

/** A recognition an organisation holds from one date to another (both inclusive). */
@Embeddable
public class Certification {

    @Enumerated(EnumType.STRING)
    public CertificationKind kind;

    @Column(name = "certificate_no")
    public String certificateNo;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    public boolean validOn(LocalDate date) {
        return !date.isBefore(validFrom) && !date.isAfter(validTo);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Certification c
                && kind == c.kind
                && Objects.equals(certificateNo, c.certificateNo)
                && Objects.equals(validFrom, c.validFrom)
                && Objects.equals(validTo, c.validTo);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, certificateNo, validFrom, validTo);
    }
}
