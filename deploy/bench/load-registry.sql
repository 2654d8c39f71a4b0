-- 1,000,000 platforms and 200,000 organisations, deterministic (ids are md5 of the row number, so
-- pgbench and wrk can name the same rows), loaded in SQL straight into the service's tables.
-- They bypass the outbox on purpose: the read benchmarks need volume, not a million events.
\set ON_ERROR_STOP on
SELECT setseed(0.20261122);
TRUNCATE platform_host, platform_history, platform, organization_certification, organization CASCADE;
-- Events of an earlier benchmark run would be published again to this run's new broker: start clean.
TRUNCATE outbox_event, audit_log;
CREATE TEMP TABLE bench_region AS
  SELECT row_number() OVER (ORDER BY code) - 1 AS i, code FROM region WHERE code ~ '[1-8][0-9]{3}[0-9][1-9]|43079[0-9]';
INSERT INTO organization (id, uscc, name_zh, name_en, aliases, kind, region_code, search_text, version, created_at, updated_at)
SELECT md5('organization' || n)::uuid, '91' || r.code || lpad(n::text, 9, '0') || 'X', '测试企业' || n, 'Bench Enterprise ' || n,
       '{}', 'ENTERPRISE', r.code, lower('测试企业' || n || ' bench enterprise ' || n), 1, now(), now()
  FROM generate_series(1, 200000) n JOIN bench_region r ON r.i = n % (SELECT count(*) FROM bench_region);
INSERT INTO platform (id, name_zh, name_en, aliases, type, level, status, region_code, fields, accredited_on,
                      detail, search_text, version, created_at, updated_at)
SELECT md5('platform' || n)::uuid,
       (ARRAY['科技企业孵化器', '众创空间', '重点实验室', '工程技术研究中心', '院士工作站'])[1 + n % 5] || n,
       'Bench platform ' || n, '{}',
       (ARRAY['TECH_BUSINESS_INCUBATOR', 'MAKER_SPACE', 'KEY_LABORATORY', 'ENGINEERING_RESEARCH_CENTER', 'ENTERPRISE_TECHNOLOGY_CENTER',
              'ACADEMICIAN_WORKSTATION', 'POSTDOCTORAL_STATION', 'INNOVATION_ALLIANCE', 'TECHNOLOGY_TRANSFER_CENTER',
              'HIGH_TECH_ZONE', 'AGRICULTURAL_SCI_TECH_PARK'])[1 + n % 11],
       (ARRAY['NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'MUNICIPAL'])[1 + (n / 11) % 4],
       CASE WHEN n % 50 = 0 THEN 'REVOKED' ELSE 'ACTIVE' END,
       r.code, ARRAY[(ARRAY['新材料', '电子信息', '生物医药', '先进装备'])[1 + n % 4]],
       DATE '2000-01-01' + (n % 9000), NULL,
       lower((ARRAY['科技企业孵化器', '众创空间', '重点实验室', '工程技术研究中心', '院士工作站'])[1 + n % 5] || n || ' bench platform ' || n),
       1, now(), now()
  FROM generate_series(1, 1000000) n JOIN bench_region r ON r.i = (n / 7) % (SELECT count(*) FROM bench_region);
INSERT INTO platform_host (platform_id, organization_id)
SELECT md5('platform' || n)::uuid, md5('organization' || (1 + n % 200000))::uuid FROM generate_series(1, 1000000) n;
INSERT INTO platform_history (platform_id, change, effective_on, level, status, type, region_code, recorded_at)
SELECT id, 'ACCREDITED', accredited_on, level, status, type, region_code, now() FROM platform;
VACUUM ANALYZE organization;
VACUUM ANALYZE platform;
VACUUM ANALYZE platform_host;
VACUUM ANALYZE platform_history;
