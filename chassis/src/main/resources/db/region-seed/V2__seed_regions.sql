-- The divisions the seed texts name. Special areas that are not divisions get codes 90-99 under their
-- city (GB/T 2260 leaves those unassigned), so prefix filters on a city still find them.
INSERT INTO region (code, name_zh, name_en, level, parent_code) VALUES
    ('110000', '北京市', 'Beijing', 'PROVINCE', NULL),
    ('110112', '通州区', 'Tongzhou District', 'DISTRICT', '110000'),
    ('220000', '吉林省', 'Jilin Province', 'PROVINCE', NULL),
    ('220100', '长春市', 'Changchun', 'CITY', '220000'),
    ('220190', '长春新区', 'Changchun New Area', 'SPECIAL_AREA', '220100'),
    ('430000', '湖南省', 'Hunan Province', 'PROVINCE', NULL),
    ('430400', '衡阳市', 'Hengyang', 'CITY', '430000'),
    ('430700', '常德市', 'Changde', 'CITY', '430000'),
    ('430702', '武陵区', 'Wuling District', 'DISTRICT', '430700'),
    ('430703', '鼎城区', 'Dingcheng District', 'DISTRICT', '430700'),
    ('430721', '安乡县', 'Anxiang County', 'DISTRICT', '430700'),
    ('430722', '汉寿县', 'Hanshou County', 'DISTRICT', '430700'),
    ('430723', '澧县', 'Lixian County', 'DISTRICT', '430700'),
    ('430724', '临澧县', 'Linli County', 'DISTRICT', '430700'),
    ('430725', '桃源县', 'Taoyuan County', 'DISTRICT', '430700'),
    ('430726', '石门县', 'Shimen County', 'DISTRICT', '430700'),
    ('430781', '津市市', 'Jinshi', 'DISTRICT', '430700'),
    ('430790', '常德经济技术开发区', 'Changde Economic and Technological Development Zone', 'SPECIAL_AREA', '430700');
