-- Transactional outbox: one row per committed change, written in the change's own transaction.
-- The relay publishes rows in seq order and marks them; published rows are purged after a while.
CREATE TABLE outbox_event (
    id            uuid        PRIMARY KEY,
    seq           bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
    topic         text        NOT NULL,
    aggregate_id  text        NOT NULL,
    event_type    text        NOT NULL,
    sequence      bigint      NOT NULL,
    occurred_at   timestamptz NOT NULL DEFAULT now(),
    actor         text,
    data          json        NOT NULL, -- json, not jsonb: kept byte for byte as the service wrote it
    published_at  timestamptz
);

CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- NOTIFY is transactional: listeners hear it only when the writing transaction commits,
-- so the relay wakes for committed rows and never for rolled-back ones.
CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('outbox_event', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER outbox_event_notify
    AFTER INSERT ON outbox_event
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify();
