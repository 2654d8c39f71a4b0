-- The partner event feed: every event of the suite, once, in the order the gateway applied it.
-- position is the feed's cursor; the CloudEvent is kept as it was published.
CREATE TABLE feed_event (
    position     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     text        NOT NULL UNIQUE,
    type         text        NOT NULL,
    source       text        NOT NULL,
    subject      text,
    region_code  varchar(6),
    topic        text        NOT NULL,
    event_time   timestamptz,
    received_at  timestamptz NOT NULL DEFAULT now(),
    event        json        NOT NULL
);

CREATE INDEX feed_event_type ON feed_event (type, position);
CREATE INDEX feed_event_subject ON feed_event (subject, position);
CREATE INDEX feed_event_region ON feed_event (region_code text_pattern_ops, position);
