-- Observations: the current value of each cell (indicator × region × period), and every value the cell
-- ever had (revisions), so a series can be read as it was known on any date.
CREATE TABLE observation (
    indicator_code text          NOT NULL REFERENCES indicator (code),
    region_code    varchar(6)    NOT NULL CHECK (region_code ~ '^[1-8][0-9]{5}$'),
    period         text          NOT NULL CHECK (period ~ '^[12][0-9]{3}(-Q[1-4]|-(0[1-9]|1[0-2]))?$'),
    value          numeric(24,6) NOT NULL,
    status         text          NOT NULL CHECK (status IN ('PROVISIONAL', 'FINAL')),
    source         text,
    note           text,
    version        bigint        NOT NULL,
    created_at     timestamptz   NOT NULL,
    updated_at     timestamptz   NOT NULL,
    PRIMARY KEY (indicator_code, region_code, period)
);
CREATE INDEX observation_changed ON observation (indicator_code, updated_at);

CREATE TABLE observation_revision (
    id             bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    indicator_code text          NOT NULL,
    region_code    varchar(6)    NOT NULL,
    period         text          NOT NULL,
    value          numeric(24,6) NOT NULL,
    status         text          NOT NULL,
    source         text,
    note           text,
    recorded_at    timestamptz   NOT NULL,
    FOREIGN KEY (indicator_code, region_code, period) REFERENCES observation ON DELETE CASCADE
);
CREATE INDEX observation_revision_cell ON observation_revision (indicator_code, region_code, period, recorded_at);
