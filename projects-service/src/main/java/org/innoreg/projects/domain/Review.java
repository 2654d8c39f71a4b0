package org.innoreg.projects.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A supervision review of a project by an official. */
@Entity
@Table(name = "project_review")
public class Review {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id")
    public UUID projectId;

    @Column(name = "reviewed_on")
    public LocalDate reviewedOn;

    public String reviewer;

    public String summary;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @PrePersist
    void stamp() {
        recordedAt = OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
}
