-- Trigram matching for organisation names and platform search (Chinese has no word breaks, so
-- substring/trigram matching serves it better than word-based full-text search).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Host enterprises, universities, institutes and hospitals.
CREATE TABLE organization (
    id          uuid        PRIMARY KEY,
    uscc        varchar(18) NOT NULL UNIQUE,
    name_zh     text        NOT NULL,
    name_en     text,
    aliases     text[]      NOT NULL DEFAULT '{}',
    kind        text        NOT NULL CHECK (kind IN ('ENTERPRISE', 'UNIVERSITY', 'RESEARCH_INSTITUTE', 'HOSPITAL', 'OTHER')),
    region_code varchar(6)  NOT NULL REFERENCES region (code),
    search_text text        NOT NULL, -- all names, lower-cased, maintained by the service
    version     bigint      NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX organization_region ON organization (region_code text_pattern_ops);
CREATE INDEX organization_search ON organization USING gin (search_text gin_trgm_ops);

CREATE TABLE organization_certification (
    organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    kind            text NOT NULL CHECK (kind IN ('HIGH_TECH_ENTERPRISE', 'SPECIALISED_SOPHISTICATED_SME', 'GAZELLE', 'UNICORN')),
    certificate_no  text,
    valid_from      date NOT NULL,
    valid_to        date NOT NULL,
    CHECK (valid_to >= valid_from)
);
CREATE INDEX organization_certification_owner ON organization_certification (organization_id);
CREATE INDEX organization_certification_validity ON organization_certification (kind, valid_from, valid_to);

-- Accredited innovation platforms (innovation carriers).
CREATE TABLE platform (
    id               uuid        PRIMARY KEY,
    name_zh          text        NOT NULL,
    name_en          text,
    aliases          text[]      NOT NULL DEFAULT '{}',
    type             text        NOT NULL,
    level            text        NOT NULL CHECK (level IN ('NATIONAL', 'PROVINCIAL', 'MUNICIPAL')),
    status           text        NOT NULL CHECK (status IN ('ACTIVE', 'UNDER_REVIEW', 'REVOKED', 'MERGED')),
    region_code      varchar(6)  NOT NULL REFERENCES region (code),
    fields           text[]      NOT NULL DEFAULT '{}',
    accredited_on    date,
    accreditation_no text,
    detail           jsonb,
    search_text      text        NOT NULL,
    version          bigint      NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    UNIQUE (region_code, name_zh)
);
CREATE INDEX platform_type_level ON platform (type, level);
CREATE INDEX platform_region ON platform (region_code text_pattern_ops);
CREATE INDEX platform_status ON platform (status);
CREATE INDEX platform_fields ON platform USING gin (fields);
CREATE INDEX platform_accredited_on ON platform (accredited_on);
CREATE INDEX platform_accredited_sort ON platform ((COALESCE(accredited_on, DATE '0001-01-01')), id);
CREATE INDEX platform_updated_at ON platform (updated_at, id);
CREATE INDEX platform_name ON platform (name_zh, id);
CREATE INDEX platform_search ON platform USING gin (search_text gin_trgm_ops);

CREATE TABLE platform_host (
    platform_id     uuid NOT NULL REFERENCES platform (id) ON DELETE CASCADE,
    organization_id uuid NOT NULL REFERENCES organization (id),
    PRIMARY KEY (platform_id, organization_id)
);
CREATE INDEX platform_host_organization ON platform_host (organization_id);

-- Dated history of a platform: one row per accreditation, level change or status change, with the
-- platform's classification as it stood from that date. Statistics "as of" a date read the latest
-- row on or before it.
CREATE TABLE platform_history (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    platform_id  uuid        NOT NULL REFERENCES platform (id) ON DELETE CASCADE,
    effective_on date        NOT NULL,
    change       text        NOT NULL CHECK (change IN ('ACCREDITED', 'LEVEL_CHANGED', 'STATUS_CHANGED', 'RECLASSIFIED')),
    type         text        NOT NULL,
    level        text        NOT NULL,
    status       text        NOT NULL,
    region_code  varchar(6)  NOT NULL,
    note         text,
    recorded_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX platform_history_asof ON platform_history (platform_id, effective_on DESC, id DESC);
CREATE INDEX platform_history_effective ON platform_history (effective_on);
