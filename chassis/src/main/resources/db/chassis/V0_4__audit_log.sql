-- Who changed what, when: one row per change, written with the change's outbox row, kept for good
-- (outbox rows are purged once published). Each aggregate's /changes endpoint reads it.
CREATE TABLE audit_log (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    aggregate_type text        NOT NULL,
    aggregate_id   text        NOT NULL,
    version        bigint      NOT NULL,
    action         text        NOT NULL,
    actor          text,
    changed_at     timestamptz NOT NULL DEFAULT now(),
    event_id       uuid        NOT NULL
);
CREATE INDEX audit_log_aggregate ON audit_log (aggregate_type, aggregate_id, id);
