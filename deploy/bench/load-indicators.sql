-- 2,000,000 observations (10 reported indicators × 2,000 regions × 100 years), each with its revision.
\set ON_ERROR_STOP on
TRUNCATE observation CASCADE;
CREATE TEMP TABLE bench_cell AS
SELECT i.code AS indicator_code, '4' || lpad(r::text, 5, '0') AS region_code, y::text AS period,
       round((1000 + (r * 37 + y * 11) % 100000)::numeric / 10, 1) AS value
  FROM (SELECT code FROM indicator WHERE kind = 'REPORTED' ORDER BY code LIMIT 10) i,
       generate_series(1, 2000) r, generate_series(1925, 2024) y;
INSERT INTO observation (indicator_code, region_code, period, value, status, source, version, created_at, updated_at)
SELECT indicator_code, region_code, period, value, 'FINAL', 'bench', 1, now(), now() FROM bench_cell;
INSERT INTO observation_revision (indicator_code, region_code, period, value, status, source, recorded_at)
SELECT indicator_code, region_code, period, value, 'FINAL', 'bench', now() - interval '1 day' FROM bench_cell;
VACUUM ANALYZE observation;
VACUUM ANALYZE observation_revision;
