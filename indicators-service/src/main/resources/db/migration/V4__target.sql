-- Plan targets: what a plan commits a region to, for an indicator, and from which baseline.
CREATE TABLE target (
    id              uuid          PRIMARY KEY,
    indicator_code  text          NOT NULL REFERENCES indicator (code),
    region_code     varchar(6)    NOT NULL CHECK (region_code ~ '^[1-8][0-9]{5}$'),
    kind            text          NOT NULL CHECK (kind IN ('LEVEL', 'CUMULATIVE', 'ANNUAL_GROWTH')),
    comparison      text          NOT NULL CHECK (comparison IN ('AT_LEAST', 'AT_MOST')),
    target_value    numeric(24,6) NOT NULL,
    target_period   text          NOT NULL CHECK (target_period ~ '^[12][0-9]{3}$'),
    baseline_period text          CHECK (baseline_period ~ '^[12][0-9]{3}$'),
    baseline_value  numeric(24,6),
    span_from       text          CHECK (span_from ~ '^[12][0-9]{3}$'),
    plan            text          NOT NULL,
    description     text,
    version         bigint        NOT NULL,
    created_at      timestamptz   NOT NULL,
    updated_at      timestamptz   NOT NULL
);
CREATE INDEX target_region ON target (region_code);
