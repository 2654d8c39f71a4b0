package org.innoreg.registry.domain;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/** The academy an academician belongs to: Chinese Academy of Sciences or of Engineering. */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum Academy implements Labelled {
    CAS("中国科学院", "中科院"),
    CAE("中国工程院", "工程院");

    private final String chinese;
    private final List<String> aliases;

    Academy(String chinese, String... aliases) {
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
