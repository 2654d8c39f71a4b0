package org.innoreg.registry.domain;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/** Where a region sits in the GB/T 2260 hierarchy; special areas hang under a city. */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum RegionLevel implements Labelled {
    PROVINCE("省级"),
    CITY("市级"),
    DISTRICT("区县级", "区县", "县级"),
    SPECIAL_AREA("功能区", "开发区", "新区");

    private final String chinese;
    private final List<String> aliases;

    RegionLevel(String chinese, String... aliases) {
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
