package org.innoreg.projects.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/** A month's report of the investment a project has completed so far (cumulative, RMB). */
@Entity
@Table(name = "project_investment_report")
@IdClass(InvestmentReport.Key.class)
public class InvestmentReport {

    @Id
    @Column(name = "project_id")
    public UUID projectId;

    /** The first day of the month reported. */
    @Id public LocalDate month;

    public BigDecimal cumulative;

    public String note;

    @Column(name = "reported_at")
    public OffsetDateTime reportedAt;

    @PrePersist
    void stamp() {
        reportedAt = OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public static class Key implements Serializable {
        public UUID projectId;
        public LocalDate month;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key
                    && Objects.equals(projectId, key.projectId)
                    && Objects.equals(month, key.month);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, month);
        }
    }
}
