package org.innoreg.registry.resource;

/** Request-body examples of the OpenAPI document (Swagger UI offers them in "Try it out"). */
final class RequestExamples {

    private RequestExamples() {}

    static final String YUNJIN =
            """
            {"nameZh": "云锦集团院士工作站", "nameEn": "Yunjin Textile Group Academician Workstation",
             "type": "ACADEMICIAN_WORKSTATION", "level": "PROVINCIAL", "regionCode": "430703",
             "fields": ["textiles", "new materials"], "accreditedOn": "2014-06-01",
             "detail": {"academicians": [{"name": "Yu Jianyong", "academy": "CAE", "field": "textile engineering"}],
                        "partnerEnterprise": "Hunan Yunjin Group"}}""";

    static final String CHANGDE_INCUBATOR =
            """
            {"nameZh": "常德经济技术开发区科技企业孵化器",
             "nameEn": "Changde Economic and Technological Development Zone Technology Business Incubator",
             "type": "TECH_BUSINESS_INCUBATOR", "level": "NATIONAL", "regionCode": "430790",
             "fields": ["electronic information", "advanced equipment"], "accreditedOn": "2015-12-01",
             "detail": {"floorAreaM2": 52000, "tenants": 120, "graduates": 35}}""";

    static final String POLYMER_LAB =
            """
            {"nameZh": "高分子科学与技术国家重点实验室", "nameEn": "National Key Laboratory of Polymer Science and Technology",
             "type": "KEY_LABORATORY", "level": "NATIONAL", "regionCode": "220190", "fields": ["new materials"]}""";

    static final String JINJIAN =
            """
            {"uscc": "91430700MA4L2Q4K3Y", "nameZh": "湖南金健米业股份有限公司",
             "nameEn": "Hunan Jinjian Cereals Industry Co., Ltd.", "aliases": ["金健米业", "Jinjian Cereals"],
             "kind": "ENTERPRISE", "regionCode": "430702",
             "certifications": [{"kind": "HIGH_TECH_ENTERPRISE", "validFrom": "2018-10-17"}]}""";
}
