package org.innoreg.projects.domain;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

@Schema(description = Labelled.ACCEPTS_LABELS)
public enum ProjectKind implements Labelled {
    INDUSTRIAL_INVESTMENT("产业投资", "产业项目"),
    TECHNOLOGY_TRANSFER("科技成果转化", "技术转移");

    private final String chinese;
    private final List<String> aliases;

    ProjectKind(String chinese, String... aliases) {
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
