-- Indexes for the project list's filters and text search (project name and investor).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX project_text ON project USING gin (lower(name || ' ' || investor_name) gin_trgm_ops);
CREATE INDEX project_tier ON project (tier, id);
CREATE INDEX project_stage ON project (stage, id);
CREATE INDEX project_park ON project (park_platform_id) WHERE park_platform_id IS NOT NULL;
CREATE INDEX project_chain ON project (industry_chain);
CREATE INDEX project_name_sort ON project (name, id);
CREATE INDEX project_investment_sort ON project (planned_investment, id);
CREATE INDEX project_updated_sort ON project (updated_at, id);
