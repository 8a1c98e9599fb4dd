#!/usr/bin/env python3
"""Prints the two tables of docs/SCENARIOS.md ("Side by side" and "Headline verdicts") as Markdown, measured
with the built jar: `plansim run <name> --format json` for central paths and `plansim targets <name> --paths
10000 --seed 1 --format json` for verdicts. Run from the repository root after `./plansim --help` (or any
build): python3 docs/tables/scenario-tables.py > /tmp/tables.md
"""
import json
import subprocess
import sys

JAR = "app/target/plansim.jar"
SCENARIOS = ["yiwu/baseline", "yiwu/plan", "yiwu/high-growth", "yiwu/low-growth", "yiwu/trade-shock",
             "yiwu/green-transition"]
HEADLINES = [  # (row label, target id, how the central figure is shown)
    ("GDP ≥ 2000亿元, 2025 (001:31)", "yiwu14.gdp_nominal.2025", "{:.0f}"),
    ("内外贸总额 ≥ 1万亿元, 2025 (004:146)", "yiwu14.total_trade.2025", "{:.0f}"),
    ("goods trade ≥ 5000亿元, 2025 (001:31)", "yiwu14.goods_trade.2025", "{:.0f}"),
    ("imports about 1000亿元, 2025 (001:58)", "yiwu14.imports.2025.a", "{:.0f}"),
    ("energy intensity -16% vs 2020, 2025 (001:109)", "yiwu14.energy_intensity.2025", "{:.1f}%"),
    ("urbanization ≥ 83.8%, 2025 (001:34)", "yiwu14.urbanization_rate.2025", "{:.1f}"),
    ("income > 10万元, 2025 (001:34)", "yiwu14.income_per_capita.2025", "{:.0f}"),
    ("urbanization ≥ 83%, 2027 (002:47)", "yiwu-urb2027.urbanization_rate.2027", "{:.1f}"),
    ("goods trade ≥ 10000亿元, 2027 (002:95)", "yiwu-urb2027.goods_trade.2027", "{:.0f}"),
    ("GDP growth about 7.5%, 2022-2027 (002:47)", "yiwu-urb2027.gdp_real.2027", "{:.2f}%"),
    ("GDP > 4000亿元, 2035 (004:16)", "yiwu2035.gdp_nominal.2035", "{:.0f}"),
    ("GDP 2035 = 2 × 2025 (004:16)", "yiwu2035.gdp_nominal.2035.double", "{:+.1f}%"),
]


def plansim(*args):
    return json.loads(subprocess.run(["java", "-jar", JAR, *args], check=True, capture_output=True, text=True).stdout)


def value(run, variable, year):
    return run["variables"][variable]["values"][run["years"].index(year)]


def main():
    runs = {s: plansim("run", s, "--format", "json") for s in SCENARIOS}
    print("| scenario | GDP 2025 (亿元) | GDP 2035 | real growth 2021 / 2035 | goods trade 2025 / 2027 | residents 2035 (万) "
          "| intensity 2025 vs 2020 | CO2 2035 (万吨) |")
    print("|---|---|---|---|---|---|---|---|")
    for s, r in runs.items():
        i20, i25 = value(r, "energy_intensity", 2020), value(r, "energy_intensity", 2025)
        print(f"| `{s}` | {value(r, 'gdp_nominal', 2025):.0f} | {value(r, 'gdp_nominal', 2035):.0f} "
              f"| {value(r, 'gdp_real_growth', 2021):.1f}% / {value(r, 'gdp_real_growth', 2035):.1f}% "
              f"| {value(r, 'goods_trade', 2025):.0f} / {value(r, 'goods_trade', 2027):.0f} "
              f"| {value(r, 'population', 2035):.1f} | {100 * (i25 / i20 - 1):.1f}% | {value(r, 'co2', 2035):.0f} |")
    print()
    verdicts = {}
    for s in SCENARIOS:
        t = plansim("targets", s, "--paths", "10000", "--seed", "1", "--quiet", "--format", "json")
        verdicts[s] = {v["id"]: v for v in t["targets"]}
    print("| target | " + " | ".join(s.split("/")[1] for s in SCENARIOS) + " |")
    print("|---" * (len(SCENARIOS) + 1) + "|")
    for label, tid, fmt in HEADLINES:
        cells = []
        for s in SCENARIOS:
            v = verdicts[s].get(tid)
            if v is None or v.get("central") is None:
                cells.append("-")
                continue
            p = v.get("probability")
            cells.append(fmt.format(v["central"]) + (f", P {p:.3f}" if p is not None else "") + f" {v['verdict']}")
        print(f"| {label} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    sys.exit(main())
