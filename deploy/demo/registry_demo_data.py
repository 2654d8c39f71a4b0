#!/usr/bin/env python3
"""Writes organizations.csv and platforms.csv: the registry's demo data, in the import format.

Every platform and organisation below is named in the seed texts (../shared/seeds): Smart Changde
(000), Changde 2019 (001), Tongzhou (002), Changchun New Area (003), Hengyang (004). What the seeds do
not say is left empty: accreditation dates are unknown, so the registry records these platforms as of
the day they are loaded. Unified social credit codes are illustrative (the real ones are not in the
seeds): well-formed GB 32100-2015 codes with a correct check character, not the organisations' own.
Run it again after editing; the launcher loads the CSV files through the import API.
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
# organisation code, Chinese name, English name, aliases, kind, certifications
ORGANISATIONS = [
    ("jinjian", "91", "430702", "183870013", "湖南金健米业股份有限公司", "Hunan Jinjian Cereals Industry Co., Ltd.", "金健米业;Jinjian Cereals", "企业", "高新技术企业:2018-10-17"),
    ("yunjin", "91", "430702", "MA4L0YJ01", "湖南云锦集团股份有限公司", "Hunan Yunjin Group Co., Ltd.", "云锦集团;Yunjin Textile Group", "企业", ""),
    ("zhongtai", "91", "430700", "MA4L0HT02", "湖南中泰特种装备有限责任公司", "Hunan Zhongtai Special Equipment Co., Ltd.", "中泰特装", "企业", "高新技术企业:2017-11-30"),
    ("huanan", "91", "430700", "MA4L0HN03", "湖南华南光电（集团）有限责任公司", "Huanan Photoelectronic Technology Co., Ltd.", "华南光电", "企业", "高新技术企业:2016-12-06"),
    ("sanjin", "91", "430700", "MA4L0GJ04", "湖南三金制药有限责任公司", "Hunan Sanjin Pharmaceutical Co., Ltd.", "三金制药", "企业", ""),
    ("wuling", "91", "430702", "MA4L0WL05", "湖南武陵酒有限公司", "Hunan Wuling Wines Co., Ltd.", "武陵酒", "企业", ""),
    ("huas", "12", "430702", "44500780X", "湖南文理学院", "Hunan University of Arts and Science", "", "高校", ""),
    ("huat", "12", "430702", "44500781X", "湖南应用技术学院", "Hunan Applied Technology University", "", "高校", ""),
    ("cdetdz", "11", "430790", "MB1C0ETD1", "常德经济技术开发区管理委员会", "Changde Economic and Technological Development Zone Administrative Committee", "常德经开区管委会", "其他", ""),
    ("dingcheng", "11", "430703", "MB1C0DC01", "常德市鼎城高新技术产业开发区管理委员会", "Dingcheng High-tech District Administrative Committee", "鼎城高新区管委会", "其他", ""),
    ("cdagri", "12", "430700", "MB1C0NK01", "常德市农林科学研究院", "Changde Academy of Agricultural and Forestry Sciences", "", "科研院所", ""),
    ("hynu", "12", "430400", "44500790X", "衡阳师范学院", "Hengyang Normal University", "衡师", "高校", ""),
    ("hyhtz", "11", "430400", "MB1C0HY01", "衡阳高新技术产业开发区管理委员会", "Hengyang High-tech Industrial Development Zone Administrative Committee", "衡阳高新区管委会", "其他", ""),
    ("hyagri", "11", "430400", "MB1C0HY02", "衡阳国家农业科技园区管理委员会", "Hengyang National Agricultural Science and Technology Park Administrative Committee", "", "其他", ""),
    ("bjetc", "91", "110112", "MA01BJEQ1", "北京股权交易中心有限公司", "Beijing Equity Trading Center Co., Ltd.", "北京四板市场", "企业", ""),
    ("tzagri", "11", "110112", "MB1C0TG01", "北京国家现代农业科技城通州园区管理委员会", "National Modern Agricultural Science and Technology City (Tongzhou) Administrative Committee", "", "其他", ""),
    ("jlu", "12", "220100", "00001284X", "吉林大学", "Jilin University", "吉大", "高校", ""),
    ("ccna", "11", "220190", "MB1C0CC01", "长春新区管理委员会", "Changchun New Area Administrative Committee", "", "其他", ""),
    ("ciac", "12", "220100", "00001280X", "中国科学院长春应用化学研究所", "Changchun Institute of Applied Chemistry, Chinese Academy of Sciences", "长春应化所;CIAC", "科研院所", ""),
    ("ccopt", "91", "220190", "MA17CC0G1", "长春光谷产业发展有限公司", "Changchun Optical Valley Industrial Development Co., Ltd.", "", "企业", ""),
]

# Chinese name, English name, type, level, region, host keys, fields
PLATFORMS = [
    # Changde (000 Smart Changde, 001 Changde 2019)
    ("金健米业国家工程技术研究中心", "National Engineering Technology Research Center (Jinjian Cereals)", "工程技术研究中心", "国家级", "430702", "jinjian", "粮食加工;农产品深加工"),
    ("金健米业国家企业技术中心", "National Enterprise Technology Center (Jinjian Cereals)", "企业技术中心", "国家级", "430702", "jinjian", "粮食加工"),
    ("金健米业博士后科研工作站", "Jinjian Cereals Post-doctoral Research Station", "博士后科研工作站", "国家级", "430702", "jinjian", "粮食加工"),
    ("云锦集团院士工作站", "Yunjin Textile Group Academician Workstation", "院士工作站", "省级", "430702", "yunjin", "纺织;新材料"),
    ("中泰特装企业技术中心", "Zhongtai Special Equipment Enterprise Technology Center", "企业技术中心", "省级", "430700", "zhongtai", "先进装备"),
    ("华南光电企业技术中心", "Huanan Photoelectronic Enterprise Technology Center", "企业技术中心", "省级", "430700", "huanan", "电子信息;光电"),
    ("三金制药工程技术研究中心", "Sanjin Pharmaceutical Engineering Technology Research Center", "工程技术研究中心", "市级", "430700", "sanjin", "生物医药"),
    ("武陵酒工程技术研究中心", "Wuling Wines Engineering Technology Research Center", "工程技术研究中心", "市级", "430702", "wuling", "食品加工"),
    ("常德经济技术开发区科技企业孵化器", "Changde Economic and Technological Development Zone Technology Business Incubator", "科技企业孵化器", "国家级", "430790", "cdetdz", "电子信息;先进装备"),
    ("鼎城高新区科技企业孵化器", "Dingcheng High-tech District Technology Business Incubator", "科技企业孵化器", "省级", "430703", "dingcheng", "综合"),
    ("西洞庭生物科技企业孵化器", "Xidongting Biology Sci-tech Enterprise Incubator", "科技企业孵化器", "市级", "430700", "", "生物技术"),
    ("武陵工业园移动互联网孵化器", "Wuling Industry Park Mobile Internet and E-business Incubator", "科技企业孵化器", "市级", "430702", "", "移动互联网;电子商务"),
    ("武陵互联网创业园", "Wuling Internet Pioneer Park", "众创空间", "市级", "430702", "", "移动互联网"),
    ("常德高新技术产业园区", "Changde High-tech Industry Park (One District and Three Parks)", "高新技术产业开发区", "省级", "430703", "dingcheng", "先进装备;新材料;生物医药"),
    ("汉寿高新技术产业园", "Hanshou High-tech Park", "高新技术产业开发区", "省级", "430722", "", "新材料"),
    ("西洞庭生物科技园", "Xidongting Biology Sci-tech Park", "高新技术产业开发区", "市级", "430700", "", "生物技术"),
    ("常德国家农业科技园区", "Changde National Agricultural Sci-tech Park", "农业科技园区", "国家级", "430703", "cdagri", "现代农业"),
    ("常德农业科技孵化园", "Changde Agricultural Science and Incubating Park", "科技企业孵化器", "市级", "430703", "cdagri", "现代农业"),
    ("鼎城电子商务产业园", "Dingcheng E-Commerce Industrial Park", "众创空间", "市级", "430703", "", "电子商务"),
    ("澧县电子商务产业园", "Lixian E-Commerce Industrial Park", "众创空间", "市级", "430723", "", "电子商务"),
    ("湖南文理学院技术转移中心", "Hunan University of Arts and Science Technology Transfer Center", "技术转移中心", "市级", "430702", "huas", "技术转移"),
    ("常德市农林科学研究院技术转移中心", "Changde Academy of Agricultural and Forestry Sciences Technology Transfer Center", "技术转移中心", "市级", "430702", "cdagri", "现代农业;技术转移"),
    ("常德新材料产业技术创新战略联盟", "Changde New Materials Industrial Technology Innovation Strategic Alliance", "产业技术创新战略联盟", "市级", "430700", "zhongtai;huanan;huas", "新材料"),
    ("常德工程机械产业技术创新战略联盟", "Changde Engineering Machinery Industrial Technology Innovation Strategic Alliance", "产业技术创新战略联盟", "市级", "430700", "zhongtai;huat", "先进装备"),
    # Hengyang (004)
    ("衡阳高新技术产业开发区", "Hengyang National High-tech Industrial Development Zone", "高新技术产业开发区", "国家级", "430400", "hyhtz", "电子信息;先进装备"),
    ("衡阳国家农业科技园区", "Hengyang National Agricultural Science and Technology Park", "农业科技园区", "国家级", "430400", "hyagri", "现代农业"),
    ("莲湖湾生态农业示范园", "Lianhu Bay Ecological Agricultural Demonstration Park", "农业科技园区", "国家级", "430400", "", "生态农业"),
    ("蔡伦现代农业示范园", "Cailun Modern Agricultural Demonstration Park", "农业科技园区", "省级", "430400", "", "现代农业"),
    ("衡阳师范学院技术转移中心", "Hengyang Normal University Technology Transfer Center", "技术转移中心", "市级", "430400", "hynu", "技术转移"),
    # Tongzhou (002)
    ("北京国家现代农业科技城通州园区", "National Modern Agricultural Science and Technology City (Tongzhou)", "农业科技园区", "国家级", "110112", "tzagri", "种业;现代农业"),
    ("通州国际种业科技园区", "Tongzhou International Seed Science Park", "农业科技园区", "市级", "110112", "tzagri", "种业"),
    ("通州现代种业研发平台", "Tongzhou Modern Breeding R&D Platform", "工程技术研究中心", "市级", "110112", "tzagri", "种业"),
    ("北京股权交易中心通州科技金融服务平台", "Beijing Equity Trading Center Tongzhou Technology Finance Service Platform", "技术转移中心", "市级", "110112", "bjetc", "科技金融"),
    # Changchun New Area (003)
    ("高分子科学与技术国家重点实验室", "National Key Laboratory of Polymer Science and Technology", "重点实验室", "国家级", "220190", "ciac", "新材料"),
    ("长春人才创新中心", "Changchun Talent Innovation Center", "众创空间", "市级", "220190", "ccna", "人才服务"),
    ("未来之城院士园", "Land of the Future Academician Park", "院士工作站", "市级", "220190", "ccna", "综合"),
    ("长春药谷医疗器械CDMO综合服务平台", "Changchun Pharmaceutical Valley CDMO Service Platform for Medical Devices", "技术转移中心", "市级", "220190", "ccna", "生物医药;医疗器械"),
    ("长春光谷智能光电产业园", "Changchun Intelligent Optical Valley Industrial Park", "高新技术产业开发区", "市级", "220190", "ccopt", "光电信息"),
    ("长春新区激光产业研究院", "Changchun New Area Laser Industry Research Institute", "工程技术研究中心", "市级", "220190", "ccopt", "光电信息"),
    ("长春新区光电显示技术研究院", "Changchun New Area Photoelectric Display Technology Research Institute", "工程技术研究中心", "市级", "220190", "ccopt", "光电信息"),
    ("吉林大学概念验证中心", "Jilin University Concept Proof Center", "技术转移中心", "市级", "220190", "jlu;ccna", "技术转移"),
    ("北湖科学城", "Beihu Science City", "高新技术产业开发区", "市级", "220190", "ccna", "综合"),
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
        writer.writerow(["名称", "英文名称", "类型", "级别", "地区代码", "依托单位", "领域", "合作企业", "成员单位"])
        for zh, en, kind, level, region, hosts, fields in PLATFORMS:
            host_codes = ";".join(codes[h] for h in hosts.split(";") if h)
            alliance = kind == "产业技术创新战略联盟"
            partner = "湖南云锦集团股份有限公司" if kind == "院士工作站" and "云锦" in zh else ""
            writer.writerow([zh, en, kind, level, region, "" if alliance else host_codes, fields, partner,
                             host_codes if alliance else ""])
    print(f"{len(ORGANISATIONS)} organisations, {len(PLATFORMS)} platforms")


if __name__ == "__main__":
    main()
