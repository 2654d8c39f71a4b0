package org.innoreg.registry.domain;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.innoreg.chassis.labels.Labelled;

/** The kinds of innovation carrier a bureau accredits, with the names used in Chinese spreadsheets. */
@Schema(description = Labelled.ACCEPTS_LABELS)
public enum PlatformType implements Labelled {
    TECH_BUSINESS_INCUBATOR("科技企业孵化器", "孵化器"),
    MAKER_SPACE("众创空间", "创客空间"),
    KEY_LABORATORY("重点实验室"),
    ENGINEERING_RESEARCH_CENTER("工程技术研究中心"),
    ENTERPRISE_TECHNOLOGY_CENTER("企业技术中心"),
    ACADEMICIAN_WORKSTATION("院士工作站"),
    POSTDOCTORAL_STATION("博士后科研工作站"),
    INNOVATION_ALLIANCE("产业技术创新战略联盟"),
    TECHNOLOGY_TRANSFER_CENTER("技术转移中心"),
    HIGH_TECH_ZONE("高新技术产业开发区", "高新区"),
    AGRICULTURAL_SCI_TECH_PARK("农业科技园区");

    private final String chinese;
    private final List<String> aliases;

    PlatformType(String chinese, String... aliases) {
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
