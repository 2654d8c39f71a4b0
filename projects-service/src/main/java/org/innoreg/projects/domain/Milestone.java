package org.innoreg.projects.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/** A step a project plans to reach by a date, and the date it did. */
@Entity
@Table(name = "project_milestone")
public class Milestone {

    /**
     * The OC4IDS milestone statuses: met once done, missed once its planned date has passed undone.
     */
    @Schema(name = "MilestoneStatus", description = Labelled.ACCEPTS_LABELS)
    public enum Status implements Labelled {
        SCHEDULED,
        MET,
        MISSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id")
    public UUID projectId;

    public String title;

    @Column(name = "planned_on")
    public LocalDate plannedOn;

    @Column(name = "actual_on")
    public LocalDate actualOn;

    /** Its status as seen on a day. */
    public Status statusOn(LocalDate day) {
        if (actualOn != null && !actualOn.isAfter(day)) {
            return Status.MET;
        }
        return plannedOn.isBefore(day) ? Status.MISSED : Status.SCHEDULED;
    }
}
