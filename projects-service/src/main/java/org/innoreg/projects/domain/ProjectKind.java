package org.innoreg.projects.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

@Schema(description = Labelled.ACCEPTS_LABELS)
public enum ProjectKind implements Labelled {
    INDUSTRIAL_INVESTMENT,
    TECHNOLOGY_TRANSFER
}
