-- Monthly investment reports (cumulative investment completed) and supervision reviews.
ALTER TABLE project
    ADD COLUMN completed_investment numeric(18,2),
    ADD COLUMN responsible_official text,
    ADD COLUMN review_cadence       text CHECK (review_cadence IN ('QUARTERLY', 'MONTHLY', 'TEN_DAYS')),
    ADD COLUMN last_reviewed_on     date;

CREATE TABLE project_investment_report (
    project_id  uuid          NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    month       date          NOT NULL CHECK (extract(day FROM month) = 1),
    cumulative  numeric(18,2) NOT NULL CHECK (cumulative >= 0),
    note        text,
    reported_at timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, month)
);

CREATE TABLE project_review (
    id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id  uuid        NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    reviewed_on date        NOT NULL,
    reviewer    text        NOT NULL,
    summary     text,
    recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_review_project ON project_review (project_id, reviewed_on);
CREATE INDEX project_review_cadence ON project (review_cadence, last_reviewed_on) WHERE review_cadence IS NOT NULL;
