-- Derived indicators by the records' own dates (a platform's dated history, a project's stage transitions)
-- instead of the year of the event. A contribution now spans years, often open-ended ("from 2019 on"):
-- derived_source.contributions holds {indicator, region, fromYear, toYear (null: no end), amount}.
-- Cells are kept up to a horizon (the current year in Beijing), moved forward at New Year.
CREATE TABLE derived_state (
    single         boolean PRIMARY KEY DEFAULT true CHECK (single),
    horizon        int     NOT NULL,
    -- set when the kept state predates this form: the service rebuilds from the topics at startup
    rebuild_needed boolean NOT NULL
);
INSERT INTO derived_state (horizon, rebuild_needed)
SELECT CAST(extract(year FROM now() AT TIME ZONE 'Asia/Shanghai') AS int), EXISTS (SELECT 1 FROM derived_source);

-- The old contributions (one period each, '' for "the year of the event") cannot be read in the new form.
TRUNCATE derived_source, derived_total;
ALTER TABLE derived_total DROP COLUMN last_event_at;

UPDATE indicator
   SET description = 'Platforms in the region and below it that held this classification on 31 December of the year, '
           || 'according to their dated history, while ACTIVE or UNDER_REVIEW (revocation or merger ends it; a move '
           || 'counts it in the new region from that year; a deleted platform counts in no year). A platform counts '
           || 'from its accreditation date; one without an accreditation date counts from the date it was registered. '
           || 'A year in which no such platform was in force reads 0.',
       version = version + 1, updated_at = now()
 WHERE kind = 'DERIVED' AND source = 'registry.platform.v1';

UPDATE indicator
   SET description = 'Projects in the region and below it that reached this stage in the year, by their dated stage '
           || 'history (each stage the first time they reached it), in their current tier and amounts. A year in '
           || 'which no project reached it reads 0.',
       version = version + 1, updated_at = now()
 WHERE kind = 'DERIVED' AND source = 'projects.project.v1' AND code ~ '^projects\.[a-z_]+\.[a-z0-9_]+\.[a-z_]+$';

UPDATE indicator
   SET description = 'Projects in the region and below it by their year: the year they landed; if not landed, signed; '
           || 'if not signed, entered the pipeline (their first stage transition), in their current tier and amounts. '
           || 'A year without such projects reads 0.',
       version = version + 1, updated_at = now()
 WHERE kind = 'DERIVED' AND source = 'projects.project.v1' AND code !~ '^projects\.[a-z_]+\.[a-z0-9_]+\.[a-z_]+$';
