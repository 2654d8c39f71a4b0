-- The reported indicators the seed plans set targets for (Changde, Tongzhou, Hengyang).
INSERT INTO indicator (code, name_zh, name_en, unit, frequency, kind, source, description, version, created_at, updated_at) VALUES
    ('rd_spending', '研究与试验发展经费支出', 'R&D spending', 'RMB_100M', 'ANNUAL', 'REPORTED', 'Statistics bureau', 'Gross expenditure on research and experimental development', 1, now(), now()),
    ('gdp', '地区生产总值', 'Gross domestic product', 'RMB_100M', 'ANNUAL', 'REPORTED', 'Statistics bureau', NULL, 1, now(), now()),
    ('patent_applications', '专利申请量', 'Patent applications', 'COUNT', 'ANNUAL', 'REPORTED', 'Intellectual property office', NULL, 1, now(), now()),
    ('patent_grants', '专利授权量', 'Patents granted', 'COUNT', 'ANNUAL', 'REPORTED', 'Intellectual property office', NULL, 1, now(), now()),
    ('invention_patents_held', '有效发明专利拥有量', 'Valid invention patents held', 'COUNT', 'ANNUAL', 'REPORTED', 'Intellectual property office', NULL, 1, now(), now()),
    ('resident_population', '常住人口', 'Resident population', 'COUNT', 'ANNUAL', 'REPORTED', 'Statistics bureau', NULL, 1, now(), now()),
    ('high_tech_enterprises', '高新技术企业数', 'High-tech enterprises', 'COUNT', 'ANNUAL', 'REPORTED', 'Science and technology bureau', 'Enterprises holding a valid national high-tech enterprise certificate', 1, now(), now()),
    ('high_tech_output', '高新技术产业产值', 'High-tech industry output value', 'RMB_100M', 'ANNUAL', 'REPORTED', 'Statistics bureau', NULL, 1, now(), now()),
    ('technology_transactions', '技术合同成交额', 'Technology contract turnover', 'RMB_100M', 'ANNUAL', 'REPORTED', 'Science and technology bureau', NULL, 1, now(), now());
