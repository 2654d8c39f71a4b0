-- Administrative divisions (GB/T 2260) and special areas under a city (new areas, high-tech zones).
CREATE TABLE region (
    code        varchar(6)  PRIMARY KEY CHECK (code ~ '^[1-9][0-9]{5}$'),
    name_zh     text        NOT NULL,
    name_en     text        NOT NULL,
    level       text        NOT NULL CHECK (level IN ('PROVINCE', 'CITY', 'DISTRICT', 'SPECIAL_AREA')),
    parent_code varchar(6)  REFERENCES region (code),
    version     bigint      NOT NULL DEFAULT 1,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX region_parent_code ON region (parent_code);
