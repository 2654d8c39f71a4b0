-- 200,000 projects, deterministic, straight into the service's table (no events: volume for reads).
\set ON_ERROR_STOP on
TRUNCATE project CASCADE;
INSERT INTO project (id, name, investor_name, origin, kind, industry_chain, region_code, planned_investment, tier,
                     stage, stage_since, signed_on, landed_on, version, created_at, updated_at)
SELECT md5('project' || n)::uuid, '测试项目' || n, '投资方' || (n % 5000), 'DOMESTIC', 'INDUSTRIAL_INVESTMENT',
       (ARRAY['新材料', '电子信息', '生物医药', '先进装备'])[1 + n % 4],
       (ARRAY['430702', '430703', '430721', '430722', '430723', '430724', '430725', '430726', '430781', '430790', '110112'])[1 + n % 11],
       amount, CASE WHEN amount >= 1000000000 THEN 'FROM_1B' WHEN amount >= 500000000 THEN 'FROM_500M'
                    WHEN amount >= 100000000 THEN 'FROM_100M' ELSE 'BELOW_100M' END,
       'LANDED', DATE '2015-01-01' + (n % 3000), DATE '2015-01-01' + (n % 3000), DATE '2015-01-01' + (n % 3000), 1, now(), now()
  FROM (SELECT n, (10000000 + (n * 7919) % 1500000000)::numeric AS amount FROM generate_series(1, 200000) n) g;
VACUUM ANALYZE project;
