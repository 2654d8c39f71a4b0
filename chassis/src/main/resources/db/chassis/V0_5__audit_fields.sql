-- The fields each change changed, with their old and new values as the API shows them
-- ([{"field": "level", "from": "PROVINCIAL", "to": "NATIONAL"}]); empty for creates and deletes, whose
-- event carries the whole record. Rows from before this column have none.
ALTER TABLE audit_log ADD COLUMN fields jsonb NOT NULL DEFAULT '[]';
