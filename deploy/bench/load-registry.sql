-- 1,000,000 platforms and 200,000 organisations, deterministic (ids are md5 of the row number, so
-- pgbench and wrk can name the same rows), loaded in SQL straight into the service's tables.
-- They bypass the outbox on purpose: the read benchmarks need volume, not a million events.
\set ON_ERROR_STOP on
SELECT setseed(0.20261122);
TRUNCATE platform_host, platform_history, platform, organization_certification, organization CASCADE;
-- Events of an earlier benchmark run would be published again to this run's new broker: start clean.
TRUNCATE outbox_event, audit_log;
CREATE TEMP TABLE bench_region AS
  SELECT row_number() OVER (ORDER BY code) - 1 AS i, code, name_zh, name_en
    FROM region WHERE code ~ '[1-8][0-9]{3}[0-9][1-9]|43079[0-9]';
INSERT INTO organization (id, uscc, name_zh, name_en, aliases, kind, region_code, search_text, version, created_at, updated_at)
SELECT md5('organization' || n)::uuid, '91' || r.code || lpad(n::text, 9, '0') || 'X', '测试企业' || n, 'Bench Enterprise ' || n,
       '{}', 'ENTERPRISE', r.code, lower('测试企业' || n || ' bench enterprise ' || n), 1, now(), now()
  FROM generate_series(1, 200000) n JOIN bench_region r ON r.i = n % (SELECT count(*) FROM bench_region);
-- Names as registries hold them, each one different: district, a three-character brand (40^3
-- brands, 60 platforms each), field, type - "鼎城区华信达新材料科技企业孵化器", "Dingcheng District New
-- Materials Technology Business Incubator". Searches then meet common terms (a type: 200,000
-- platforms), medium ones (a brand: 60) and rare ones (the labelled platforms below).
CREATE TEMP TABLE bench_name AS
SELECT n, r.code, r.name_zh || brand.zh || field.zh || kind.zh AS name_zh,
       r.name_en || ' ' || field.en || ' ' || kind.en AS name_en
  FROM generate_series(1, 1000000) n
  JOIN bench_region r ON r.i = (n / 7) % (SELECT count(*) FROM bench_region)
  CROSS JOIN LATERAL (SELECT substr(c, 1 + (n / 60) % 40, 1) || substr(c, 1 + (n / 2400) % 40, 1) || substr(c, 1 + (n / 96000) % 40, 1) AS zh
                        FROM (VALUES ('华信达博雅天宇中联恒通创宏远鑫泰瑞丰盛嘉明德康源兴汇智鼎力欣荣弘毅晟启佳和美安祥')) AS chars(c)) brand
  CROSS JOIN LATERAL (SELECT (ARRAY['新材料', '电子信息', '生物医药', '先进装备', '现代农业', '节能环保', '智能制造', '数字经济',
                                    '文化创意', '食品加工', '精细化工', '检验检测'])[1 + (n / 5) % 12] AS zh,
                             (ARRAY['New Materials', 'Electronic Information', 'Biomedicine', 'Advanced Equipment', 'Modern Agriculture',
                                    'Energy Saving', 'Intelligent Manufacturing', 'Digital Economy', 'Cultural Creative',
                                    'Food Processing', 'Fine Chemicals', 'Testing'])[1 + (n / 5) % 12] AS en) field
  CROSS JOIN LATERAL (SELECT (ARRAY['科技企业孵化器', '众创空间', '重点实验室', '工程技术研究中心', '院士工作站'])[1 + n % 5] AS zh,
                             (ARRAY['Technology Business Incubator', 'Maker Space', 'Key Laboratory', 'Engineering Research Center',
                                    'Academician Workstation'])[1 + n % 5] AS en) kind;
-- The labelled platforms: the answers of deploy/bench/run's labelled queries (P3 recall), with terms
-- no generated name holds. Ids are md5('needle' || k), as the bench expects them.
INSERT INTO bench_name
SELECT 1000000 + k, (SELECT code FROM bench_region WHERE i = k % (SELECT count(*) FROM bench_region)), zh, en
  FROM (VALUES (1, '湘潭碳化硅功率器件重点实验室', 'Xiangtan Silicon Carbide Power Device Key Laboratory'),
               (2, '长沙碳化硅衬底工程技术研究中心', 'Changsha Silicon Carbide Substrate Engineering Research Center'),
               (3, '株洲轨道交通牵引系统工程技术研究中心', 'Zhuzhou Rail Transit Traction Engineering Research Center'),
               (4, '株洲轨道交通装备众创空间', 'Zhuzhou Rail Transit Equipment Maker Space'),
               (5, '岳阳石墨烯复合材料众创空间', 'Yueyang Graphene Composites Maker Space'),
               (6, '长沙石墨烯导热膜重点实验室', 'Changsha Graphene Thermal Film Key Laboratory'),
               (7, '宁乡石墨烯电池院士工作站', 'Ningxiang Graphene Battery Academician Workstation'),
               (8, '常德氢燃料电池院士工作站', 'Changde Hydrogen Fuel Cell Academician Workstation'),
               (9, '衡阳北斗导航应用科技企业孵化器', 'Hengyang Beidou Navigation Business Incubator'),
               (10, '郴州稀土永磁材料重点实验室', 'Chenzhou Rare Earth Permanent Magnet Key Laboratory'),
               (11, '益阳竹纤维工程技术研究中心', 'Yiyang Bamboo Fiber Engineering Research Center'),
               (12, '怀化中药材种质资源重点实验室', 'Huaihua Medicinal Herb Germplasm Key Laboratory')) AS needle(k, zh, en);
INSERT INTO platform (id, name_zh, name_en, aliases, type, level, status, region_code, fields, accredited_on,
                      detail, search_text, version, created_at, updated_at)
SELECT CASE WHEN n > 1000000 THEN md5('needle' || (n - 1000000)) ELSE md5('platform' || n) END::uuid,
       b.name_zh, b.name_en, '{}',
       (ARRAY['TECH_BUSINESS_INCUBATOR', 'MAKER_SPACE', 'KEY_LABORATORY', 'ENGINEERING_RESEARCH_CENTER', 'ENTERPRISE_TECHNOLOGY_CENTER',
              'ACADEMICIAN_WORKSTATION', 'POSTDOCTORAL_STATION', 'INNOVATION_ALLIANCE', 'TECHNOLOGY_TRANSFER_CENTER',
              'HIGH_TECH_ZONE', 'AGRICULTURAL_SCI_TECH_PARK'])[1 + n % 11],
       (ARRAY['NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'MUNICIPAL'])[1 + (n / 11) % 4],
       CASE WHEN n % 50 = 0 THEN 'REVOKED' ELSE 'ACTIVE' END,
       b.code, ARRAY[(ARRAY['新材料', '电子信息', '生物医药', '先进装备'])[1 + n % 4]],
       DATE '2000-01-01' + (n % 9000), NULL,
       lower(b.name_zh || ' ' || b.name_en),
       1, now(), now()
  FROM bench_name b;
INSERT INTO platform_host (platform_id, organization_id)
SELECT md5('platform' || n)::uuid, md5('organization' || (1 + n % 200000))::uuid FROM generate_series(1, 1000000) n;
INSERT INTO platform_history (platform_id, change, effective_on, level, status, type, region_code, recorded_at)
SELECT id, 'ACCREDITED', accredited_on, level, status, type, region_code, now() FROM platform;
VACUUM ANALYZE organization;
VACUUM ANALYZE platform;
VACUUM ANALYZE platform_host;
VACUUM ANALYZE platform_history;
