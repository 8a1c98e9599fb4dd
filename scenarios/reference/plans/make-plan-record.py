#!/usr/bin/env python3
"""Writes plan-record.csv: the 12th five-year plans' 2015 targets of Yiwu (seed 000, table 1) and Jinhua (seed 003,
table 1) against their 2015 outcomes, one row per indicator, each with the seed line and a verbatim quote of that line
for the target and for the outcome. The rows (which lines, kind, comparator, met) are judged by hand below; this script
only copies the quotes verbatim so they cannot drift. Run from this folder: python3 make-plan-record.py
Rule: one row per indicator; the 2015 level target where the table gives one, else its growth or change target.
"""
import csv

SEEDS = "../../seeds/"
Y = "000_51469b50aab5ea2a.txt"
J = "003_d9bb649aff807f9b.txt"

def line(f, n):
    with open(SEEDS + f, encoding="utf-8") as h:
        text = h.read().lstrip("\ufeff")
    return text.split("\n")[n - 1].strip()

# plan, indicator, unit, kind, attribute, comparator, value, outcome, met, metric, base(2010), target line, outcome line, reported, note
YIWU = [
    ("地区生产总值", "亿元", "level", "预期性", ">=", 1000, 1046, "gdp_nominal", 614, 96, 96, "", ""),
    ("人均地区生产总值", "元", "level", "预期性", ">=", 128000, 136002, "", 83539, 97, 97, "",
     "per registered resident (614亿元 / 83539元 = 73.5万, not the 123.4万 residents): not plansim's gdp_per_capita"),
    ("一般公共预算总收入", "亿元", "level", "预期性", ">=", 125, 128.3, "", 77, 98, 98, "", ""),
    ("地方一般公共预算收入", "亿元", "level", "预期性", ">=", 70, 79.3, "local_fiscal_revenue", 42.8, 99, 99, "", ""),
    ("全社会固定资产投资", "亿元", "level", "预期性", ">=", 365, 512.2, "fixed_asset_investment", 192.4, 100, 100, "", ""),
    ("社会消费品零售总额", "亿元", "level", "预期性", ">=", 510, 529.6, "retail_sales", 290.4, 101, 101, "", ""),
    ("第三产业增加值占生产总值比重", "%", "level", "预期性", ">=", 56, 61.9, "tertiary_share", 54, 102, 102, "", ""),
    ("研究与试验经费支出占生产总值比值", "%", "level", "预期性", ">=", 2.2, 1.51, "rd_share", 0.99, 103, 103, "", ""),
    ("义乌海关监管集装箱出口量", "万标箱", "level", "预期性", ">=", 110, 84, "", 57.6, 104, 104, "", ""),
    ("自营进口总额", "亿美元", "level", "预期性", ">=", 4.2, 3.6, "", 2.6, 105, 105, "", ""),
    ("自营出口总额", "亿美元", "level", "预期性", ">=", 46, 338, "", 28.6, 106, 106, "",
     "outcome includes market-procurement exports (000:84), a statistical break from the 2010 base"),
    ("城市化率", "%", "change", "预期性", ">=", 1, 1, "", "", 107, 107, "",
     "+1 point a year planned and achieved; basis adjusted (000:125)"),
    ("城镇居民人均可支配收入", "元", "level", "预期性", ">=", 54100, 56586, "urban_income_per_capita", 33911, 111, 111, "", ""),
    ("农村居民人均纯收入", "元", "level", "预期性", ">=", 23800, 28433, "", 16206, 112, 112, "",
     "net income (纯收入) in the target, disposable income from 2013 on in the outcome"),
    ("五年新增城镇就业", "万人", "level", "预期性", ">=", 4, 6, "", "", 113, 113, "", "five-year total"),
    ("人口自然增长率", "‰", "level", "约束性", "<", 6, 4.21, "", 4.21, 114, 114, "", "the table's unit column says % for a rate in per mille"),
    ("国民预期寿命", "岁", "level", "预期性", ">=", 79, 79, "", 77.08, 115, 115, "", ""),
    ("城镇参加基本养老保险人数", "万人", "level", "约束性", ">=", 31, 45, "", 24.7, 116, 116, "", ""),
    ("医疗保障参保率", "%", "level", "约束性", ">=", 97, 98, "", 92.4, 117, 117, "", "basis adjusted (000:125)"),
    ("森林蓄积量", "万立方米", "level", "约束性", ">=", 312, 312, "", 244.5, 118, 118, "", ""),
    ("万元生产总值综合能耗", "%", "change", "约束性", "<=", -20, "", "", 0.59, 119, 119, "能完成目标",
     "no figure: the plan reports the target as met (能完成目标)"),
    ("化学需氧量排放", "%", "change", "约束性", "<=", -13.3, "", "", 22528, 120, 120, "能完成目标", "no figure: reported met"),
    ("氨氮排放", "%", "change", "约束性", "<=", -14.6, "", "", 3124.2, 121, 121, "能完成目标", "no figure: reported met"),
    ("二氧化硫排放", "%", "change", "约束性", "<=", -13.1, "", "", 6676.8, 122, 122, "能完成目标", "no figure: reported met"),
    ("氮氧化物排放", "%", "change", "约束性", "<=", -5, "", "", 6106.7, 123, 123, "能完成目标", "no figure: reported met"),
]

# Jinhua table 1 has one cell per line: target and outcome on their own lines; the verdict column (完成情况) is quoted too.
# indicator, unit, kind, comparator, value, outcome, base, target line, outcome line, verdict line, note
JINHUA = [
    ("生产总值", "亿元", "level", ">=", 3370, 3406, 2110, 34, 36, 38, "current prices (003:335)"),
    ("人均生产总值（户籍人口）", "元", "level", ">=", 70560, 71478, 45361, 43, 45, 47, ""),
    ("财政总收入", "亿元", "level", ">=", 420, 517, 273, 52, 54, 56, ""),
    ("一般公共预算收入", "亿元", "level", ">=", 240, 309, 156, 61, 63, 65, ""),
    ("进出口总额", "亿美元", "level", ">=", 210, 490, 132, 70, 72, 74, ""),
    ("社会消费品零售额", "亿元", "level", ">=", 1544, 1783, 916, 79, 81, 83, ""),
    ("固定资产投资（五年累计）", "亿元", "level", ">=", 5075, 6785, "", 88, 90, 92, "five-year totals (〔〕, 003:335)"),
    ("城市化率", "%", "level", ">=", 63, 64.5, 59, 97, 99, 101, "target 63左右 (about 63)"),
    ("第三产业增加值占生产总值比重", "%", "level", ">=", 49, 50.7, 43.1, 106, 108, 110, ""),
    ("研究与试验发展经费支出相当于生产总值比重", "%", "level", ">=", 2.2, 2.0, 1.33, 117, 119, 122, "outcome 2.0左右 (003:120)"),
    ("财政教育经费支出占一般预算支出比重", "%", "level", ">", 21, 22.3, 22.9, 127, 129, 131, ""),
    ("新增劳动力平均受教育年限", "年", "level", ">=", 13.5, 13.5, 12.8, 136, 138, 140, ""),
    ("高等教育毛入学率", "%", "level", ">=", 50, 56.3, 45, 145, 147, 149, ""),
    ("耕地保有量", "万亩", "level", ">=", 322.4, 333.1, 325.5, 154, 156, 158, "a floor: 减少〔3.1〕 allowed"),
    ("单位生产总值能耗（五年下降）", "%", "change", "<=", -18, -29.1, 0.74, 164, 169, 170, "target 下降〔18%〕左右"),
    ("单位工业增加值用水量", "立方米/万元", "level", "<=", 60, 42.2, 68, 175, 177, 179, ""),
    ("单位生产总值二氧化碳排放量（五年下降）", "%", "change", "<=", -19, -27.4, 1.5144, 187, 189, 190, ""),
    ("林木蓄积量", "万立方米", "level", ">=", 3050, 3100, 2500, 195, 197, 199, ""),
    ("化学需氧量排放（五年下降）", "%", "change", "<=", -12.2, -15.3, 85073, 206, 209, 210, ""),
    ("二氧化硫排放（五年下降）", "%", "change", "<=", -13.1, -17.6, 47112, 216, 219, 220, ""),
    ("氨氮排放（五年下降）", "%", "change", "<=", -13.9, -14.3, 11634, 226, 229, 230, ""),
    ("氮氧化物排放（五年下降）", "%", "change", "<=", -16.1, -19.1, 58087, 236, 239, 240, ""),
    ("新增城镇就业（五年累计）", "万人", "level", ">=", 30, 36.26, "", 247, 250, 251, "five-year totals"),
    ("城镇登记失业率", "%", "level", "<=", 4, 2.8, 3, 256, 258, 260, "target 4以内 (within 4)"),
    ("人口自然增长率", "‰", "level", "<=", 6, 4.57, "", 292, 294, 296, "target 6以内 (within 6)"),
    ("人均期望寿命", "年", "level", ">=", 78, 79.35, 77, 301, 303, 305, ""),
    ("职工及城乡居民养老保险参保人数", "万人", "level", ">=", 325, 328.5, 275.5, 310, 312, 314, ""),
    ("职工及城乡居民医疗保险参保人数", "万人", "level", ">=", 168, 481.5, 137.1, 319, 321, 323,
     "the outcome's coverage is far wider than the 2010 base (urban and rural residents merged)"),
    ("亿元生产总值生产安全事故死亡率", "人/亿元", "level", "<=", 0.16, 0.137, 0.285, 328, 330, 332, ""),
]

def met(cmp, value, outcome):
    if outcome == "":
        return ""
    return {">=": outcome >= value, ">": outcome > value, "<=": outcome <= value, "<": outcome < value}[cmp]

rows = []
for (ind, unit, kind, attr, cmp, value, outcome, metric, base, tl, ol, reported, note) in YIWU:
    m = met(cmp, value, outcome)
    if m == "":
        m = True  # reported met (能完成目标), no figure
    rows.append(["yiwu12", "Yiwu 义乌市", 2010, 2015, ind, unit, kind, attr, cmp, value, outcome, str(m).lower(),
                 reported, metric, base, Y, tl, line(Y, tl), Y, ol, line(Y, ol), note])
# The plansim variable of each Jinhua row that jinhua/backtest-2010 projects (the others: not modelled; trade is across
# the market-procurement break, the investment target a five-year total).
JINHUA_METRIC = {
    "生产总值": "gdp_nominal",
    "人均生产总值（户籍人口）": "gdp_per_capita_registered",
    "财政总收入": "fiscal_total_revenue",
    "一般公共预算收入": "budget_revenue",
    "社会消费品零售额": "retail_sales",
    "城市化率": "urbanization_rate",
    "第三产业增加值占生产总值比重": "tertiary_share",
    "研究与试验发展经费支出相当于生产总值比重": "rd_share",
    "单位生产总值能耗（五年下降）": "energy_intensity",
}
for (ind, unit, kind, cmp, value, outcome, base, tl, ol, vl, note) in JINHUA:
    rows.append(["jinhua12", "Jinhua 金华市", 2010, 2015, ind, unit, kind, "", cmp, value, outcome,
                 str(met(cmp, value, outcome)).lower(), line(J, vl), JINHUA_METRIC.get(ind, ""), base, J, tl, line(J, tl),
                 J, ol, line(J, ol), note])

with open("plan-record.csv", "w", encoding="utf-8", newline="") as h:
    w = csv.writer(h, lineterminator="\n")
    w.writerow(["plan", "region", "origin", "year", "indicator", "unit", "kind", "attribute", "comparator", "value",
                "outcome", "met", "reported", "metric", "base", "target_file", "target_line", "target_quote",
                "outcome_file", "outcome_line", "outcome_quote", "note"])
    w.writerows(rows)
print(len(rows), "rows;", sum(r[11] == "true" for r in rows), "met")
