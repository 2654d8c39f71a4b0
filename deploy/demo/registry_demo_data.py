#!/usr/bin/env python3
"""Writes organizations.csv and platforms.csv: the registry's demo data, in the import format.

Every platform and organisation below is named in the seed texts (../shared/seeds, English translations):
Smart Changde (000, 2016-10-05), Changde 2019 (001, 2019-04-09), Tongzhou (002, 2015-01-16), Changchun New
Area (003, 2023-02-22), Hengyang (004, 2018-12-06). What the seeds do not say is left empty, and
README.md in this folder lists it: a platform gets an accreditation date (认定日期) only where a seed says
when it was accredited or set up; a seed that gives only the year gives the date 31 December of that
year (the one day of the year on which the seed's statement is certainly true, so that a count "on 31
December of year Y" includes it in year Y and never before). A platform without a date is recorded by
the registry as of the day it is loaded. Hosts are given only where the seed ties the organisation to
the platform. Unified social credit codes are illustrative (the real ones are not in the seeds):
well-formed GB 32100-2015 codes with a correct check character, not the organisations' own.
Run it again after editing (python3 registry_demo_data.py, in this folder): the output is the same on
every run; the launcher loads the CSV files through the import API.
"""
import csv

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def uscc(authority, region, organisation):
    body = authority + region + organisation
    assert len(body) == 17, body
    total = sum(ALPHABET.index(c) * w for c, w in zip(body, WEIGHTS))
    return body + ALPHABET[(31 - total % 31) % 31]


# key, registration authority (91 company, 12 public institution, 11 government body), region,
# organisation code, Chinese name, English name, aliases, kind, certifications (none: the seeds date none)
ORGANISATIONS = [
    # Changde (000): the enterprises named for national engineering technology research centers, the
    # Yunjin workstation, the universities of its education chapter; (001) the development zone.
    ("jinjian", "91", "430702", "183870013", "湖南金健米业股份有限公司", "Hunan Jinjian Cereals Industry Co., Ltd.", "金健米业;Jinjian Cereals", "企业", ""),
    ("yunjin", "91", "430702", "MA4L0YJ01", "湖南云锦集团股份有限公司", "Hunan Yunjin Group Co., Ltd.", "云锦集团;Yunjin Textile Group", "企业", ""),
    ("zhongtai", "91", "430700", "MA4L0HT02", "湖南中泰特种装备有限责任公司", "Hunan Zhongtai Special Equipment Co., Ltd.", "中泰特装", "企业", ""),
    ("huanan", "91", "430700", "MA4L0HN03", "湖南华南光电（集团）有限责任公司", "Huanan Photoelectronic Technology Co., Ltd.", "华南光电", "企业", ""),
    ("jinpeng", "91", "430700", "MA4L0JP06", "常德金鹏印务有限公司", "Changde Jinpeng Printing Co., Ltd.", "金鹏印务", "企业", ""),
    ("cdtobacco", "91", "430700", "MA4L0YJ07", "常德烟草机械有限责任公司", "Changde Tobacco and Machinery Co., Ltd.", "常德烟机", "企业", ""),
    ("sanjin", "91", "430700", "MA4L0GJ04", "湖南三金制药有限责任公司", "Hunan Sanjin Pharmaceutical Co., Ltd.", "三金制药", "企业", ""),
    ("wuling", "91", "430702", "MA4L0WL05", "湖南武陵酒有限公司", "Hunan Wuling Wines Co., Ltd.", "武陵酒", "企业", ""),
    ("huas", "12", "430702", "44500780X", "湖南文理学院", "Hunan University of Arts and Science", "", "高校", ""),
    ("huat", "12", "430702", "44500781X", "湖南应用技术学院", "Hunan Applied Technology University", "", "高校", ""),
    ("cdetdz", "11", "430790", "MB1C0ETD1", "常德经济技术开发区管理委员会", "Changde Economic and Technological Development Zone Administrative Committee", "常德经开区管委会", "其他", ""),
    ("dingcheng", "11", "430703", "MB1C0DC01", "常德市鼎城高新技术产业开发区管理委员会", "Dingcheng High-tech District Administrative Committee", "鼎城高新区管委会", "其他", ""),
    # Hengyang (004): the university that publishes the seed, the upgraded zone and park.
    ("hynu", "12", "430400", "44500790X", "衡阳师范学院", "Hengyang Normal University", "衡师", "高校", ""),
    ("hyhtz", "11", "430400", "MB1C0HY01", "衡阳高新技术产业开发区管理委员会", "Hengyang High-tech Industrial Development Zone Administrative Committee", "衡阳高新区管委会", "其他", ""),
    ("hyagri", "11", "430400", "MB1C0HY02", "衡阳国家农业科技园区管理委员会", "Hengyang National Agricultural Science and Technology Park Administrative Committee", "", "其他", ""),
    # Tongzhou (002)
    ("bjetc", "91", "110112", "MA01BJEQ1", "北京股权交易中心有限公司", "Beijing Equity Trading Center Co., Ltd.", "北京四板市场", "企业", ""),
    ("tzagri", "11", "110112", "MB1C0TG01", "北京国家现代农业科技城通州园区管理委员会", "National Modern Agricultural Science and Technology City (Tongzhou) Administrative Committee", "", "其他", ""),
    # Changchun New Area (003)
    ("jlu", "12", "220100", "00001284X", "吉林大学", "Jilin University", "吉大", "高校", ""),
    ("ccna", "11", "220190", "MB1C0CC01", "长春新区管理委员会", "Changchun New Area Administrative Committee", "", "其他", ""),
]

# Chinese name, English name, type, level, region, host keys, fields, accreditation date (认定日期; empty
# where no seed dates it: see README.md for the seed sentence behind each row)
PLATFORMS = [
    # Changde (000 Smart Changde, 001 Changde 2019)
    # 000: "the national engineering technology research centers in Jinjian Cereals Industry Co., Ltd.,
    # Huanan Potoelectronic Technology Co., Ltd., Changde Jinpeng Printing Co., Ltd., Hunan Zhongtai
    # Special Equipment Co., Ltd., Changde Tobacco and Machinery Co., Ltd." (no dates)
    ("金健米业国家工程技术研究中心", "National Engineering Technology Research Center (Jinjian Cereals)", "工程技术研究中心", "国家级", "430702", "jinjian", "粮食加工;农产品深加工", ""),
    ("华南光电国家工程技术研究中心", "National Engineering Technology Research Center (Huanan Photoelectronic)", "工程技术研究中心", "国家级", "430700", "huanan", "电子信息;光电", ""),
    ("金鹏印务国家工程技术研究中心", "National Engineering Technology Research Center (Changde Jinpeng Printing)", "工程技术研究中心", "国家级", "430700", "jinpeng", "印刷包装", ""),
    ("中泰特装国家工程技术研究中心", "National Engineering Technology Research Center (Hunan Zhongtai Special Equipment)", "工程技术研究中心", "国家级", "430700", "zhongtai", "先进装备", ""),
    ("常德烟机国家工程技术研究中心", "National Engineering Technology Research Center (Changde Tobacco and Machinery)", "工程技术研究中心", "国家级", "430700", "cdtobacco", "烟草机械;先进装备", ""),
    # 000: "8 academician workstations including Yunjin Textile Group academician workstation" (no date, no level)
    ("云锦集团院士工作站", "Yunjin Textile Group Academician Workstation", "院士工作站", "省级", "430702", "yunjin", "纺织;新材料", ""),
    # 001, on 2018: "Changde Economic Development Zone successfully created a national-level technology
    # business incubator" -> 2018, so 2018-12-31 by the year-only convention
    ("常德经济技术开发区科技企业孵化器", "Changde Economic and Technological Development Zone Technology Business Incubator", "科技企业孵化器", "国家级", "430790", "cdetdz", "电子信息;先进装备", "2018-12-31"),
    # 000: "develop ... Dingcheng High-tech District into incubators for comprehensive sci-tech enterprises,
    # develop Xidongting Administrative District into incubator for biology and sci-tech enterprises,
    # Wuling Industry Park into incubator for mobile Internet and e-business enterprises" (plans, no dates)
    ("鼎城高新区科技企业孵化器", "Dingcheng High-tech District Technology Business Incubator", "科技企业孵化器", "省级", "430703", "dingcheng", "综合", ""),
    ("西洞庭生物科技企业孵化器", "Xidongting Biology Sci-tech Enterprise Incubator", "科技企业孵化器", "市级", "430700", "", "生物技术", ""),
    ("武陵工业园移动互联网孵化器", "Wuling Industry Park Mobile Internet and E-business Incubator", "科技企业孵化器", "市级", "430702", "", "移动互联网;电子商务", ""),
    # 000 "Internet+" column: "Wuling Internet Pioneer Park; Dingcheng E-Commerce Industrial Park; ...
    # Lixian E-Commerce Industrial Park" (no dates)
    ("武陵互联网创业园", "Wuling Internet Pioneer Park", "众创空间", "市级", "430702", "", "移动互联网", ""),
    ("鼎城电子商务产业园", "Dingcheng E-Commerce Industrial Park", "众创空间", "市级", "430703", "", "电子商务", ""),
    ("澧县电子商务产业园", "Lixian E-Commerce Industrial Park", "众创空间", "市级", "430723", "", "电子商务", ""),
    # 000: "build National High-tech Industry Park according to the pattern of 'One District and Three
    # Parks' (Dingcheng High-tech District as the core, while Hanshou High-tech Park, Xidongting Biology
    # Sci-tech Park and Wulin Industry Park as the branches)" (a plan: not yet national, no dates)
    ("常德高新技术产业园区", "Changde High-tech Industry Park (One District and Three Parks)", "高新技术产业开发区", "省级", "430703", "dingcheng", "先进装备;新材料;生物医药", ""),
    ("汉寿高新技术产业园", "Hanshou High-tech Park", "高新技术产业开发区", "省级", "430722", "", "新材料", ""),
    ("西洞庭生物科技园", "Xidongting Biology Sci-tech Park", "高新技术产业开发区", "市级", "430700", "", "生物技术", ""),
    # 000: "'One Zone'(Changde National Agricultural Sci-tech Zone), 'Three Parks' (Agricultural Science
    # and Incubating Park, ...)" (no dates, no host named)
    ("常德国家农业科技园区", "Changde National Agricultural Sci-tech Park", "农业科技园区", "国家级", "430703", "", "现代农业", ""),
    ("常德农业科技孵化园", "Changde Agricultural Science and Incubating Park", "科技企业孵化器", "市级", "430703", "", "现代农业", ""),
    # Hengyang (004, 2018-12-06): "Hengyang High-tech Industrial Park has been upgraded to National
    # High-tech Industrial Development Zone, and Hengyang Modern Agricultural Demonstration Park has been
    # upgraded to National Agricultural Science and Technology Park" (upgrades without dates)
    ("衡阳高新技术产业开发区", "Hengyang National High-tech Industrial Development Zone", "高新技术产业开发区", "国家级", "430400", "hyhtz", "电子信息;先进装备", ""),
    ("衡阳国家农业科技园区", "Hengyang National Agricultural Science and Technology Park", "农业科技园区", "国家级", "430400", "hyagri", "现代农业", ""),
    # 004: "Four national-level innovation star centers, such as Lianhu Bay Ecological Agricultural
    # Demonstration Park, and 14 provincial-level innovation star centers, such as Cailun Modern
    # Agricultural Demonstration Park" — innovation star centers (星创天地) are the agricultural maker
    # spaces, hence 众创空间 (no dates)
    ("莲湖湾生态农业示范园", "Lianhu Bay Ecological Agricultural Demonstration Park", "众创空间", "国家级", "430400", "", "生态农业", ""),
    ("蔡伦现代农业示范园", "Cailun Modern Agricultural Demonstration Park", "众创空间", "省级", "430400", "", "现代农业", ""),
    # Tongzhou (002): "Leveraged on the technological resources at the National Modern Agricultural
    # Science and Technology City in Beijing, the district will set up the modern breeding R&D platform"
    # and "speeding up the construction of international seed science park" (plans, no dates)
    ("北京国家现代农业科技城通州园区", "National Modern Agricultural Science and Technology City (Tongzhou)", "农业科技园区", "国家级", "110112", "tzagri", "种业;现代农业", ""),
    ("通州国际种业科技园区", "Tongzhou International Seed Science Park", "农业科技园区", "市级", "110112", "tzagri", "种业", ""),
    ("通州现代种业研发平台", "Tongzhou Modern Breeding R&D Platform", "工程技术研究中心", "市级", "110112", "tzagri", "种业", ""),
    # Changchun New Area (003, 2023-02-22): all named as platforms to establish or speed up (no dates)
    ("高分子科学与技术国家重点实验室", "National Key Laboratory of Polymer Science and Technology", "重点实验室", "国家级", "220190", "", "新材料", ""),
    ("长春人才创新中心", "Changchun Talent Innovation Center", "众创空间", "市级", "220190", "ccna", "人才服务", ""),
    ("未来之城院士园", "Land of the Future Academician Park", "院士工作站", "市级", "220190", "ccna", "综合", ""),
    ("长春药谷医疗器械CDMO综合服务平台", "Changchun Pharmaceutical Valley CDMO Service Platform for Medical Devices", "技术转移中心", "市级", "220190", "ccna", "生物医药;医疗器械", ""),
    ("长春光谷智能光电产业园", "Changchun Intelligent Optical Valley Industrial Park", "高新技术产业开发区", "市级", "220190", "", "光电信息", ""),
    ("长春新区激光产业研究院", "Changchun New Area Laser Industry Research Institute", "工程技术研究中心", "市级", "220190", "", "光电信息", ""),
    ("长春新区光电显示技术研究院", "Changchun New Area Photoelectric Display Technology Research Institute", "工程技术研究中心", "市级", "220190", "", "光电信息", ""),
    ("吉林大学概念验证中心", "Jilin University Concept Proof Center", "技术转移中心", "市级", "220190", "jlu;ccna", "技术转移", ""),
    ("北湖科学城", "Beihu Science City", "高新技术产业开发区", "市级", "220190", "ccna", "综合", ""),
]


def main():
    codes = {}
    with open("organizations.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["统一社会信用代码", "名称", "英文名称", "别名", "类型", "地区代码", "资质"])
        for key, authority, region, org, zh, en, aliases, kind, certifications in ORGANISATIONS:
            codes[key] = uscc(authority, region, org)
            writer.writerow([codes[key], zh, en, aliases, kind, region, certifications])
    with open("platforms.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["名称", "英文名称", "类型", "级别", "地区代码", "依托单位", "领域", "认定日期", "合作企业", "成员单位"])
        for zh, en, kind, level, region, hosts, fields, accredited in PLATFORMS:
            host_codes = ";".join(codes[h] for h in hosts.split(";") if h)
            alliance = kind == "产业技术创新战略联盟"
            partner = "湖南云锦集团股份有限公司" if kind == "院士工作站" and "云锦" in zh else ""
            writer.writerow([zh, en, kind, level, region, "" if alliance else host_codes, fields, accredited, partner,
                             host_codes if alliance else ""])
    dated = sum(1 for p in PLATFORMS if p[7])
    print(f"{len(ORGANISATIONS)} organisations, {len(PLATFORMS)} platforms ({dated} with an accreditation date)")


if __name__ == "__main__":
    main()
