package org.innoreg.projects.domain;

/** Where a project stands in the pipeline; stalled and cancelled are off the main line. */
public enum ProjectStage {
    LEAD,
    NEGOTIATING,
    SIGNED,
    LANDED,
    UNDER_CONSTRUCTION,
    IN_PRODUCTION,
    STALLED,
    CANCELLED
}
