-- Milestones (planned and actual dates) and obstacles ("problem-based pursuit") of projects.
CREATE TABLE project_milestone (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  uuid        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    title       text        NOT NULL,
    planned_on  date        NOT NULL,
    actual_on   date,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_milestone_project ON project_milestone (project_id, planned_on);
CREATE INDEX project_milestone_open ON project_milestone (planned_on) WHERE actual_on IS NULL;

CREATE TABLE project_obstacle (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  uuid        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    problem     text        NOT NULL,
    department  text        NOT NULL,
    raised_on   date        NOT NULL,
    resolved_on date,
    resolution  text,
    CHECK (resolved_on IS NULL OR resolved_on >= raised_on)
);
CREATE INDEX project_obstacle_project ON project_obstacle (project_id, raised_on);
CREATE INDEX project_obstacle_open ON project_obstacle (department, raised_on) WHERE resolved_on IS NULL;
