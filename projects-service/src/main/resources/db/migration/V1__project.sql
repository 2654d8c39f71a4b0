-- An industrial investment (or technology-transfer) project in the city's pipeline.
CREATE TABLE project (
    id                     uuid          PRIMARY KEY,
    name                   text          NOT NULL,
    investor_name          text          NOT NULL,
    investor_uscc          varchar(18),
    origin                 text          NOT NULL CHECK (origin IN ('DOMESTIC', 'FOREIGN', 'HONG_KONG_MACAO_TAIWAN')),
    kind                   text          NOT NULL CHECK (kind IN ('INDUSTRIAL_INVESTMENT', 'TECHNOLOGY_TRANSFER')),
    industry_chain         text,
    region_code            varchar(6)    NOT NULL CHECK (region_code ~ '^[1-8][0-9]{5}$'),
    park_platform_id       uuid,
    planned_investment     numeric(18,2) NOT NULL CHECK (planned_investment >= 0),
    tier                   text          NOT NULL,
    expected_annual_output numeric(18,2) CHECK (expected_annual_output >= 0),
    signing_event          text,
    stage                  text          NOT NULL,
    version                bigint        NOT NULL,
    created_at             timestamptz   NOT NULL,
    updated_at             timestamptz   NOT NULL
);

CREATE INDEX project_region_code ON project (region_code text_pattern_ops);
CREATE INDEX project_stage_tier ON project (stage, tier);
