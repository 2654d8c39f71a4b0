-- Inbox of an event consumer: the id of every event applied, written in the same transaction
-- as the event's effect, so a redelivered event is recognised and changes nothing.
CREATE TABLE consumed_event (
    event_id     text        PRIMARY KEY,
    topic        text        NOT NULL,
    partition    int         NOT NULL,
    kafka_offset bigint      NOT NULL,
    consumed_at  timestamptz NOT NULL DEFAULT now()
);
