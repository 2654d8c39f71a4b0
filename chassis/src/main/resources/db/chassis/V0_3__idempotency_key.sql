-- Idempotency-Key of POST requests: the first response to a key is stored in the same transaction as
-- the change it made, and a retry with the same key gets that response back instead of a second change.
CREATE TABLE idempotency_key (
    key          text        PRIMARY KEY,
    request_hash text        NOT NULL,
    status       int,
    location     text,
    etag         text,
    body         text,
    created_at   timestamptz NOT NULL DEFAULT now()
);
