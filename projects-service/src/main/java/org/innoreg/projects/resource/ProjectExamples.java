package org.innoreg.projects.resource;

/** The request examples of the project OpenAPI document (annotation values must be constants). */
final class ProjectExamples {

    private ProjectExamples() {}

    static final String FOSUN =
            """
            {"name": "复星医药常德生物医药产业基地", "investorName": "上海复星医药（集团）股份有限公司",
             "origin": "DOMESTIC", "kind": "INDUSTRIAL_INVESTMENT", "industryChain": "生物医药", "regionCode": "430790",
             "plannedInvestment": 1200000000, "expectedAnnualOutput": 1800000000, "stage": "SIGNED",
             "stageSince": "2018-03-15", "signedOn": "2018-03-15", "responsibleOfficial": "Executive deputy mayor",
             "reviewCadence": "MONTHLY"}""";

    static final String TRANSFER =
            """
            {"name": "环保酶制剂科技成果转化项目", "investorName": "常德新材料科技企业", "origin": "DOMESTIC",
             "kind": "TECHNOLOGY_TRANSFER", "industryChain": "新材料", "regionCode": "430703", "plannedInvestment": 50000000,
             "signingEvent": "2018年常德市科技成果转移转化对接会", "stage": "SIGNED", "stageSince": "2018-10-10",
             "signedOn": "2018-10-10"}""";
}
