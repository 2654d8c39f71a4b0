package org.innoreg.projects.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One dated move of a project through the pipeline (the first has no from-stage: it entered there).
 */
@Entity
@Table(name = "project_transition")
public class ProjectTransition {

    @Id
    // the identity column's own sequence, 50 ids per call, so that batched inserts need no round
    // trip per row
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_transition_id")
    @SequenceGenerator(
            name = "project_transition_id",
            sequenceName = "project_transition_id_seq",
            allocationSize = 50)
    public Long id;

    @Column(name = "project_id")
    public UUID projectId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_stage")
    public ProjectStage from;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_stage")
    public ProjectStage to;

    @Column(name = "on_date")
    public LocalDate on;

    public String note;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @PrePersist
    void stamp() {
        recordedAt = OffsetDateTime.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    public static ProjectTransition of(
            UUID projectId, ProjectStage from, ProjectStage to, LocalDate on, String note) {
        ProjectTransition transition = new ProjectTransition();
        transition.projectId = projectId;
        transition.from = from;
        transition.to = to;
        transition.on = on;
        transition.note = note;
        return transition;
    }
}
