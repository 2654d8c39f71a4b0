-- Derived indicators: kept current by the registry's and the projects service's events.
--   platforms[.<type>[.<level>]]                               count of accredited platforms in force
--   projects.{count,planned_investment,completed_investment}[.<tier>[.<stage>]]   by the project's year
-- A region's cell counts its own records and those of every region below it.
WITH platform_type (type, zh) AS (VALUES
        ('tech_business_incubator', '科技企业孵化器'), ('maker_space', '众创空间'), ('key_laboratory', '重点实验室'),
        ('engineering_research_center', '工程技术研究中心'), ('enterprise_technology_center', '企业技术中心'),
        ('academician_workstation', '院士工作站'), ('postdoctoral_station', '博士后科研工作站'),
        ('innovation_alliance', '产业技术创新战略联盟'), ('technology_transfer_center', '技术转移中心'),
        ('high_tech_zone', '高新技术产业开发区'), ('agricultural_sci_tech_park', '农业科技园区')),
    platform_level (level, zh) AS (VALUES ('national', '国家级'), ('provincial', '省级'), ('municipal', '市级')),
    platform_key (code, name_zh, name_en) AS (
        SELECT 'platforms', '创新平台数', 'Innovation platforms'
        UNION ALL SELECT 'platforms.' || t.type, t.zh || '数', initcap(replace(t.type, '_', ' ')) || 's' FROM platform_type t
        UNION ALL SELECT 'platforms.' || t.type || '.' || l.level, l.zh || t.zh || '数',
                         initcap(l.level) || ' ' || lower(replace(t.type, '_', ' ')) || 's'
                  FROM platform_type t CROSS JOIN platform_level l)
INSERT INTO indicator (code, name_zh, name_en, unit, frequency, kind, source, description, version, created_at, updated_at)
SELECT code, name_zh, name_en, 'COUNT', 'ANNUAL', 'DERIVED', 'registry.platform.v1',
       'Platforms ACTIVE or UNDER_REVIEW in the region and below it, as of the latest event of the year', 1, now(), now()
  FROM platform_key;

WITH measure (m, zh, en, unit) AS (VALUES
        ('count', '项目数', 'Projects', 'COUNT'),
        ('planned_investment', '计划总投资', 'Planned investment', 'RMB'),
        ('completed_investment', '累计完成投资', 'Completed investment', 'RMB')),
    tier (tier, zh) AS (VALUES ('below_100m', '1亿元以下'), ('from_100m', '1亿至5亿元'), ('from_500m', '5亿至10亿元'), ('from_1b', '10亿元以上')),
    stage (stage, zh) AS (VALUES ('lead', '线索'), ('negotiating', '洽谈'), ('signed', '签约'), ('landed', '落地'),
        ('under_construction', '在建'), ('in_production', '投产'), ('stalled', '停滞'), ('cancelled', '取消')),
    project_key (code, name_zh, name_en, unit) AS (
        SELECT 'projects.' || m, zh, en, unit FROM measure
        UNION ALL SELECT 'projects.' || m || '.' || tier, tier.zh || measure.zh, en || ', ' || replace(tier, '_', ' '), unit
                  FROM measure CROSS JOIN tier
        UNION ALL SELECT 'projects.' || m || '.' || tier || '.' || stage, tier.zh || stage.zh || measure.zh,
                         en || ', ' || replace(tier, '_', ' ') || ', ' || replace(stage, '_', ' '), unit
                  FROM measure CROSS JOIN tier CROSS JOIN stage)
INSERT INTO indicator (code, name_zh, name_en, unit, frequency, kind, source, description, version, created_at, updated_at)
SELECT code, name_zh, name_en, unit, 'ANNUAL', 'DERIVED', 'projects.project.v1',
       'Projects in the region and below it by their year: the year they landed; if not landed, signed; '
       || 'if not signed, entered the pipeline', 1, now(), now()
  FROM project_key;

-- What each source record (a platform, a project) currently adds to which cells, as of its newest
-- event applied (by sequence): an older event arriving later is recognised and ignored.
CREATE TABLE derived_source (
    source_id     text   PRIMARY KEY,
    sequence      bigint NOT NULL,
    contributions jsonb  NOT NULL
);

-- The running totals behind derived observations. period '' = a current count, written to the year
-- of the event that changed it.
CREATE TABLE derived_total (
    indicator_code text          NOT NULL REFERENCES indicator (code),
    region_code    varchar(6)    NOT NULL,
    period         text          NOT NULL,
    value          numeric(24,6) NOT NULL,
    last_event_at  timestamptz   NOT NULL,
    PRIMARY KEY (indicator_code, region_code, period)
);

-- One combined sum for computed indicators (platforms of two types together).
INSERT INTO indicator (code, name_zh, name_en, unit, frequency, kind, source, description, numerator, denominator, scale, version, created_at, updated_at) VALUES
    ('academician_and_postdoctoral_stations', '院士工作站和博士后科研工作站数', 'Academician workstations and post-doctoral stations', 'COUNT', 'ANNUAL', 'COMPUTED', 'Computed',
     'platforms.academician_workstation + platforms.postdoctoral_station', '{platforms.academician_workstation,platforms.postdoctoral_station}', NULL, 1, 1, now(), now());
