-- The pipeline: where each project stands since when, the dates that count for statistics, and every
-- stage transition. A project is known by its region and name (what an import matches on).
ALTER TABLE project
    ADD COLUMN stage_since        date NOT NULL DEFAULT CURRENT_DATE,
    ADD COLUMN stage_before_stall text,
    ADD COLUMN signed_on          date,
    ADD COLUMN landed_on          date,
    ADD CONSTRAINT project_region_name UNIQUE (region_code, name);

CREATE INDEX project_landed_on ON project (landed_on);
CREATE INDEX project_signed_on ON project (signed_on);

CREATE TABLE project_transition (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  uuid        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    from_stage  text,
    to_stage    text        NOT NULL,
    on_date     date        NOT NULL,
    note        text,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_transition_project ON project_transition (project_id, id);
