-- Computed indicators: the sum of their numerator parts, divided by an optional denominator, times a
-- scale (percent = ×100, per 10,000 people = ×10,000). Evaluated when read, never stored.
ALTER TABLE indicator
    ADD COLUMN numerator   text[],
    ADD COLUMN denominator text REFERENCES indicator (code),
    ADD COLUMN scale       numeric(24,6),
    ADD CONSTRAINT indicator_formula CHECK ((kind = 'COMPUTED') = (numerator IS NOT NULL AND scale IS NOT NULL));

-- Reported indicators the seeds' ratios, targets and figures need (Changde, Tongzhou, Hengyang).
INSERT INTO indicator (code, name_zh, name_en, unit, frequency, kind, source, description, version, created_at, updated_at) VALUES
    ('sci_tech_spending', '科学技术支出', 'Science and technology expenditure', 'RMB_100M', 'ANNUAL', 'REPORTED', 'Finance bureau', 'Sci-tech expenditure in the general public budget', 1, now(), now()),
    ('fiscal_expenditure', '一般公共预算支出', 'General public budget expenditure', 'RMB_100M', 'ANNUAL', 'REPORTED', 'Finance bureau', NULL, 1, now(), now()),
    ('industrial_output', '工业总产值', 'Gross industrial output value', 'RMB_100M', 'ANNUAL', 'REPORTED', 'Statistics bureau', NULL, 1, now(), now()),
    ('technical_personnel', '专业技术人员数', 'Technical personnel', 'COUNT', 'ANNUAL', 'REPORTED', 'Human resources bureau', NULL, 1, now(), now()),
    ('high_innovation_enterprises', '高成长创新型企业数', 'High-innovation enterprises', 'COUNT', 'ANNUAL', 'REPORTED', 'Science and technology bureau', 'Enterprises the bureau recognises as highly innovative (Changde 13th Five-Year Plan)', 1, now(), now()),
    ('patent_applications_total', '累计专利申请量', 'Patent applications, cumulative', 'COUNT', 'ANNUAL', 'REPORTED', 'Intellectual property office', 'All applications up to the end of the period', 1, now(), now()),
    ('patent_grants_total', '累计专利授权量', 'Patents granted, cumulative', 'COUNT', 'ANNUAL', 'REPORTED', 'Intellectual property office', 'All patents granted up to the end of the period', 1, now(), now()),
    ('innovative_smes', '创新型中小企业数', 'Innovative SMEs and technology start-ups', 'COUNT', 'ANNUAL', 'REPORTED', 'Science and technology bureau', 'Small and medium-sized enterprises and start-ups with independent innovation capacity', 1, now(), now());

INSERT INTO indicator (code, name_zh, name_en, unit, frequency, kind, source, description, numerator, denominator, scale, version, created_at, updated_at) VALUES
    ('rd_intensity', 'R&D经费投入强度', 'R&D intensity (R&D spending as % of GDP)', 'PERCENT', 'ANNUAL', 'COMPUTED', 'Computed', 'rd_spending ÷ gdp × 100', '{rd_spending}', 'gdp', 100, 1, now(), now()),
    ('invention_patents_per_10k', '每万人发明专利拥有量', 'Invention patents held per 10,000 people', 'PER_10K_PEOPLE', 'ANNUAL', 'COMPUTED', 'Computed', 'invention_patents_held ÷ resident_population × 10,000', '{invention_patents_held}', 'resident_population', 10000, 1, now(), now()),
    ('technical_personnel_per_10k', '每万人专业技术人员数', 'Technical personnel per 10,000 people', 'PER_10K_PEOPLE', 'ANNUAL', 'COMPUTED', 'Computed', 'technical_personnel ÷ resident_population × 10,000', '{technical_personnel}', 'resident_population', 10000, 1, now(), now()),
    ('sci_tech_spending_share', '科学技术支出占一般公共预算支出比重', 'Sci-tech expenditure as % of the general budget', 'PERCENT', 'ANNUAL', 'COMPUTED', 'Computed', 'sci_tech_spending ÷ fiscal_expenditure × 100', '{sci_tech_spending}', 'fiscal_expenditure', 100, 1, now(), now()),
    ('high_tech_output_share', '高新技术产业产值占工业总产值比重', 'High-tech output as % of industrial output', 'PERCENT', 'ANNUAL', 'COMPUTED', 'Computed', 'high_tech_output ÷ industrial_output × 100', '{high_tech_output}', 'industrial_output', 100, 1, now(), now());
