package org.innoreg.projects.domain;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

@Schema(description = Labelled.ACCEPTS_LABELS)
public enum InvestorOrigin implements Labelled {
    DOMESTIC("内资"),
    FOREIGN("外资"),
    HONG_KONG_MACAO_TAIWAN("港澳台资", "港澳台");

    private final String chinese;
    private final List<String> aliases;

    InvestorOrigin(String chinese, String... aliases) {
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
