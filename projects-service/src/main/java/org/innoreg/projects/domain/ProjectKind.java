package org.innoreg.projects.domain;

public enum ProjectKind {
    INDUSTRIAL_INVESTMENT,
    TECHNOLOGY_TRANSFER
}
