-- Cross-service search: one row per platform, organisation and project, kept from their events.
-- sequence is the aggregate version last applied, so a late older event cannot undo a newer one.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE search_entry (
    kind        text        NOT NULL CHECK (kind IN ('platform', 'organization', 'project')),
    id          text        NOT NULL,
    name_zh     text,
    name_en     text,
    region_code varchar(6),
    link        text        NOT NULL,
    search_text text        NOT NULL,
    sequence    bigint      NOT NULL,
    deleted     boolean     NOT NULL DEFAULT false,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, id)
);

CREATE INDEX search_entry_text ON search_entry USING gin (search_text gin_trgm_ops);
CREATE INDEX search_entry_region ON search_entry (region_code text_pattern_ops);
