package org.innoreg.indicators.domain;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/** A provisional figure may still be revised; a final one is the published value (it too can be revised). */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum ObservationStatus implements Labelled {
    PROVISIONAL("初步数", "初步"),
    FINAL("最终数", "最终", "正式");

    private final String chinese;
    private final List<String> aliases;

    ObservationStatus(String chinese, String... aliases) {
        this.chinese = chinese;
        this.aliases = List.of(aliases);
    }

    @Override
    public String chinese() {
        return chinese;
    }

    @Override
    public List<String> aliases() {
        return aliases;
    }
}
