package org.innoreg.projects.mapping;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;
import org.innoreg.projects.domain.ProjectStage;
import org.innoreg.projects.domain.ProjectTransition;

import com.fasterxml.jackson.annotation.JsonProperty;

@Schema(name = "ProjectTransition")
public record TransitionView(
        @Schema(description = "Absent for the stage the project entered the pipeline at") ProjectStage from,
        ProjectStage to,
        @Schema(example = "2018-03-15") LocalDate on,
        String note,
        OffsetDateTime recordedAt) {

    @JsonProperty(value = "fromLabel", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = Labelled.LABEL_FIELD, example = "洽谈", readOnly = true)
    public String fromLabel() {
        return Labelled.labelOf(from);
    }

    @JsonProperty(value = "toLabel", access = JsonProperty.Access.READ_ONLY)
    @Schema(description = Labelled.LABEL_FIELD, example = "已签约", readOnly = true)
    public String toLabel() {
        return Labelled.labelOf(to);
    }

    public static TransitionView of(ProjectTransition t) {
        return new TransitionView(t.from, t.to, t.on, t.note, t.recordedAt);
    }
}
