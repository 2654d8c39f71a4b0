-- Indicator definitions: what is measured, in which unit, how often, and where the figures come from.
CREATE TABLE indicator (
    code        text        PRIMARY KEY CHECK (code ~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$'),
    name_zh     text        NOT NULL,
    name_en     text        NOT NULL,
    unit        text        NOT NULL CHECK (unit IN ('PERCENT', 'COUNT', 'RMB', 'RMB_100M', 'PER_10K_PEOPLE', 'RATIO')),
    frequency   text        NOT NULL CHECK (frequency IN ('ANNUAL', 'QUARTERLY', 'MONTHLY')),
    kind        text        NOT NULL CHECK (kind IN ('REPORTED', 'DERIVED', 'COMPUTED')),
    source      text,
    description text,
    version     bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
