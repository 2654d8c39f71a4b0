package org.innoreg.projects.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;

/** A problem holding a project back, the department that owns it, and when it was resolved. */
@Entity
@Table(name = "project_obstacle")
public class Obstacle {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "project_id")
    public UUID projectId;

    public String problem;

    public String department;

    @Column(name = "raised_on")
    public LocalDate raisedOn;

    @Column(name = "resolved_on")
    public LocalDate resolvedOn;

    public String resolution;
}
