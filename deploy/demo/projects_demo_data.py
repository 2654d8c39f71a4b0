#!/usr/bin/env python3
"""Writes projects.csv: a generated but realistic 2018 project pipeline for Changde, plus a few
projects elsewhere, in the projects-service import format; and reviews.csv: the supervision reviews
load_reviews.py records for them (the import has no column for reviews).

What comes from the seeds (001 "A Vista for Changde", 000 "Smart Changde"): in 2018 Changde launched
214 new industrial projects of RMB 100 million or more, 36 of them of 500 million or more and 13 of
1 billion or more; the strategic investors Shanghai Fosun, Qinghai Tibetan (medicine), Schneider, Hong
Kong Jiaduobao and Zhengda Group; 55 technology-transfer projects signed at three achievement-transfer
meetings; the industry chains Changde is building. Everything else (names of the other investors,
amounts within each tier, dates, districts, later stages) is generated from a fixed seed, so the file
is the same on every run. Generated investors are named "常德<chain>投资企业<n>" so they cannot be
mistaken for real companies.

Supervision (responsible official 责任领导, cadence 调度频次, reviews): the seed (001) gives the schedule —
"the secretary and the mayor are responsible for quarter schedule; the executive deputy mayor is
monitoring the monthly scheduling; the deputy mayor is in charge of the schedule on a 10-day circle" —
but not which project goes to whom. The demo's convention, by tier: a project of RMB 1 billion or more is
scheduled by the secretary and the mayor, quarterly; of 500 million or more by the executive deputy
mayor, monthly; the others by a deputy mayor, every ten days. The deputy mayors' names ("副市长 王某")
are generated, as are the science bureau officials ("市科技局 李某") who answer for the technology-transfer
projects (the seed gives those no cadence, so they have none). The projects outside Changde have no
supervision: their seeds describe none. Reviews are generated too: for each supervised Changde project
not yet in production, none, one or two reviews, dated in days before the day of the first load (the
file gives the offset), most within the cadence and some past it, so that the overdue-reviews report on
the day of loading lists some projects and not others. Supervision uses its own random generator, so
the columns that existed before it (amounts, dates, stages) are the same as without it.
"""
import csv
import datetime
import random

rng = random.Random(2018)
supervision = random.Random(2019)  # officials, cadences, reviews: separate, so the pipeline above is unchanged

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
          "阶段", "阶段日期", "签约日期", "落地日期", "责任领导", "调度频次"]
REVIEW_HEADER = ["regionCode", "name", "daysBeforeLoad", "reviewer", "summary"]
SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "吴", "徐"]  # generated officials, one per special group
# cadence: (days a review stays current, always within the cadence; days past which it is surely late)
WINDOWS = {"QUARTERLY": (80, 100), "MONTHLY": (25, 35), "TEN_DAYS": (9, 12)}
SUMMARIES = {
    "QUARTERLY": ["季度调度：听取项目推进情况汇报", "季度调度：协调解决融资和用地问题", "季度调度：审定下一季度投资计划"],
    "MONTHLY": ["月度调度：投资完成情况符合计划", "月度调度：督办设备采购和安装", "月度调度：协调供电接入"],
    "TEN_DAYS": ["旬调度：施工进度正常", "旬调度：协调用地报批", "旬调度：督办环评手续", "旬调度：协调水电气接入"],
}


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
    reviews = []
    for row in rows:
        row.extend(official(row))
        reviews.extend(generated_reviews(row))
    with open("projects.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(rows)
    with open("reviews.csv", "w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(REVIEW_HEADER)
        writer.writerows(reviews)
    print(f"{len(rows)} projects, {sum(1 for r in rows if r[14])} under supervision, {len(reviews)} reviews")


def official(row):
    """责任领导 and 调度频次 of a project row, by the tier convention above."""
    kind, region, amount = row[3], row[5], row[6]
    if not region.startswith("4307"):
        return ["", ""]
    if kind == "技术转移":
        return [f"市科技局 {supervision.choice(SURNAMES)}某", ""]
    if amount >= 1_000_000_000:
        return ["市委书记、市长", "QUARTERLY"]
    if amount >= 500_000_000:
        return ["常务副市长", "MONTHLY"]
    return [f"副市长 {supervision.choice(SURNAMES)}某", "TEN_DAYS"]


def generated_reviews(row):
    """None, one or two reviews of a supervised project not yet in production, latest first."""
    name, region, stage, reviewer, cadence = row[0], row[5], row[9], row[13], row[14]
    if not cadence or stage == "IN_PRODUCTION":
        return []
    current, late = WINDOWS[cadence]
    state = supervision.choices(["current", "late", "never"], weights=[6, 3, 1])[0]
    if state == "never":
        return []
    last = supervision.randint(0, current) if state == "current" else supervision.randint(late, late + 60)
    reviews = [[region, name, last, reviewer, supervision.choice(SUMMARIES[cadence])]]
    if supervision.random() < 0.5:
        reviews.append([region, name, last + late, reviewer, supervision.choice(SUMMARIES[cadence])])
    return reviews


if __name__ == "__main__":
    main()
