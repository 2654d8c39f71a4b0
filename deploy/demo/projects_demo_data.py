#!/usr/bin/env python3
"""Writes projects.csv: a generated but realistic 2018 project pipeline for Changde, plus a few
projects elsewhere, in the projects-service import format.

What comes from the seeds (001 "A Vista for Changde", 000 "Smart Changde"): in 2018 Changde launched
214 new industrial projects of RMB 100 million or more, 36 of them of 500 million or more and 13 of
1 billion or more; the strategic investors Shanghai Fosun, Qinghai Tibetan (medicine), Schneider, Hong
Kong Jiaduobao and Zhengda Group; 55 technology-transfer projects signed at three achievement-transfer
meetings; the industry chains Changde is building. Everything else (names of the other investors,
amounts within each tier, dates, districts, later stages) is generated from a fixed seed, so the file
is the same on every run. Generated investors are named "常德<chain>投资企业<n>" so they cannot be
mistaken for real companies.
"""
import csv
import datetime
import random

rng = random.Random(2018)

CHAINS = ["高端装备", "有色金属与新材料", "新能源", "生物医药", "电子信息", "食品加工", "纺织", "烟草机械", "工程机械"]
DISTRICTS = ["430702", "430703", "430721", "430722", "430723", "430724", "430725", "430726", "430781", "430790"]
STRATEGIC = [
    ("复星医药常德生物医药产业基地", "上海复星医药（集团）股份有限公司", "内资", "生物医药", "430790", 1_200_000_000),
    ("青海藏药常德生产基地", "青海藏药产业集团", "内资", "生物医药", "430702", 600_000_000),
    ("施耐德电气常德低压电器工厂", "施耐德电气（中国）有限公司", "外资", "电子信息", "430790", 650_000_000),
    ("加多宝常德饮料生产基地", "香港加多宝集团", "港澳台", "食品加工", "430703", 1_000_000_000),
    ("正大集团常德农产品加工园", "正大集团", "外资", "食品加工", "430722", 1_100_000_000),
]
# The seed's 2018 counts, as bands: 13 of >= 1 B, 36 - 13 of 500 M to 1 B, 214 - 36 of 100 M to 500 M.
BANDS = [(13, 1_000_000_000, 3_000_000_000), (23, 500_000_000, 999_990_000), (178, 100_000_000, 499_990_000)]
HEADER = ["项目名称", "投资方", "资金来源", "项目类型", "产业链", "地区代码", "计划投资", "预计年产值", "签约活动",
          "阶段", "阶段日期", "签约日期", "落地日期"]


def day_in(year, first_month=1, last_month=12):
    start = datetime.date(year, first_month, 1)
    end = datetime.date(year, last_month, 28)
    return start + datetime.timedelta(days=rng.randrange((end - start).days + 1))


def landed_project(name, investor, origin, chain, region, amount):
    landed = day_in(2018)
    signed = landed - datetime.timedelta(days=rng.randrange(20, 240))
    stage = rng.choices(["LANDED", "UNDER_CONSTRUCTION", "IN_PRODUCTION"], weights=[2, 5, 3])[0]
    since = landed if stage == "LANDED" else landed + datetime.timedelta(days=rng.randrange(30, 500))
    output = int(amount * rng.choice([1, 1.2, 1.5, 2])) // 10000 * 10000
    return [name, investor, origin, "产业投资", chain, region, amount, output, "", stage, since, signed, landed]


def main():
    rows = []
    bands = [list(b) for b in BANDS]
    for name, investor, origin, chain, region, amount in STRATEGIC:
        rows.append(landed_project(name, investor, origin, chain, region, amount))
        band = next(b for b in bands if b[1] <= amount <= b[2])
        band[0] -= 1
    number = 0
    for count, low, high in bands:
        for _ in range(count):
            number += 1
            chain = rng.choice(CHAINS)
            amount = rng.randrange(low // 10000, high // 10000 + 1) * 10000
            rows.append(landed_project(f"常德{chain}产业项目{number:03d}", f"常德{chain}投资企业{number:03d}", "内资",
                                       chain, rng.choice(DISTRICTS), amount))
    meetings = ["2018年常德市科技成果转移转化对接会（第一场）", "2018年常德市科技成果转移转化对接会（第二场）",
                "2018年常德市科技成果转移转化对接会（第三场）"]
    for n in range(1, 56):
        chain = rng.choice(["新材料", "生物医药", "现代农业", "电子信息", "先进装备"])
        signed = day_in(2018)
        amount = rng.randrange(500, 9_900) * 10000
        rows.append([f"常德{chain}科技成果转化项目{n:02d}", f"常德{chain}科技企业{n:02d}", "内资", "技术转移", chain,
                     rng.choice(DISTRICTS), amount, "", meetings[(n - 1) % 3], "SIGNED", signed, signed, ""])
    for name, investor, chain, region, amount in [
        ("衡阳高新区电子信息产业园项目", "衡阳电子信息投资企业01", "电子信息", "430400", 800_000_000),
        ("通州国际种业科技园研发中心项目", "北京通州种业投资企业01", "种业", "110112", 300_000_000),
        ("长春新区光电显示产业化项目", "长春光电投资企业01", "光电信息", "220190", 1_500_000_000),
    ]:
        rows.append(landed_project(name, investor, "内资", chain, region, amount))
    with open("projects.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    print(f"{len(rows)} projects")


if __name__ == "__main__":
    main()
