#!/usr/bin/env python3
"""NumPy peer of plansim's Monte Carlo of the Yiwu baseline (scenarios/yiwu/baseline.yaml), 2020-2035.

The same equations as plansim's kernel (engine/src/main/java/io/plansim/kernel/ProjectionKernel.java,
docs/MODEL.md) and Monte Carlo (engine/src/main/java/io/plansim/runner/PathBlock.java), written as an
economist would write them in NumPy: paths are vectorised in chunks, years are a Python loop.

Read from the scenario file itself: base values, every driver path (constants, periods, anchors; the
defaults of docs/MODEL.md for drivers the file omits), the uncertain parameters (normal, truncnormal,
lognormal, uniform, triangular, pert; `apply: shift` adds the draw to the path over `years`, otherwise the
draw replaces it there), the annual shocks (sd, AR(1) persistence, correlation through a Cholesky factor,
optional Student-t tails) and the rare events.

Per path and year it computes every core variable of the kernel: population, urbanization (exact logistic
step), labour, capital, TFP (which the gdp_real shock hits), human capital, real GDP by Solow-Swan, the
deflator, nominal GDP, sector shares, exports, imports, domestic trade, energy intensity, energy, CO2 and
income per resident. Satellites (investment, parcels, trains, ...) are left out.

Aggregates: mean and sd of every core variable and year (running sums), the 5/25/50/75/95th percentiles
of nominal GDP, population and urbanization in the horizon year (values kept for all paths), and the
probability of the catalog target yiwu2035.gdp_nominal.2035: gdp_nominal 2035 > 4000 亿元. plansim's own
run aggregates more (percentile sketches of 54 variables x 16 years, 29 targets), so comparisons of speed
favour this peer.

Usage: mc_numpy.py [--paths 1000000] [--seed 1] [--chunk 8192] [--scenario FILE] [--json]
                   [--plansim-json OUT.json]   (compare P(target) with a `plansim mc --format json` result)
"""
import argparse
import json
import math
import os
import sys
import time

import numpy as np
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCENARIO = os.path.join(HERE, "..", "..", "scenarios", "yiwu", "baseline.yaml")
TARGET_ID = "yiwu2035.gdp_nominal.2035"
TARGET_YEAR, TARGET_VALUE = 2035, 4000.0  # scenarios/yiwu/targets.yaml: gdp_nominal 2035 '>' 4000 亿元

# Driver defaults for drivers a scenario omits: io.plansim.scenario.Driver (the table in docs/MODEL.md).
DEFAULTS = {
    "population.naturalGrowth": 0.003, "population.netMigration": 0.01, "population.urbanCeiling": 0.90,
    "population.urbanSpeed": 0.08, "population.workingAgeShare": 0.72, "population.participation": 0.80,
    "production.realGrowth": 0.05, "production.tfpGrowth": 0.015, "production.humanCapitalGrowth": 0.005,
    "production.savingsRate": 0.35, "production.depreciation": 0.05, "production.capitalShare": 0.40,
    "production.capitalOutputRatio": 2.5, "prices.deflatorGrowth": 0.015, "prices.cpiInflation": 0.02,
    "prices.cnyPerUsd": 6.9, "structure.primaryLongRun": 0.01, "structure.secondaryLongRun": 0.30,
    "structure.convergenceSpeed": 0.10, "trade.exportTrend": 0.0, "trade.exportElasticity": 1.5,
    "trade.worldDemandGrowth": 0.035, "trade.importTrend": 0.0, "trade.importElasticity": 1.2,
    "trade.domesticTradeGrowth": 0.06, "energy.intensityDecline": 0.03, "energy.nonFossilShare": 0.20,
    "energy.fossilCarbonFactor": 2.66, "income.passThrough": 1.0, "trade.outputElasticity": 0.10,
}
SCALARS = {"production.capitalShare", "production.capitalOutputRatio"}  # model constants, not time paths

# Core variables whose mean and sd are accumulated (the kernel's rows minus pure identities of these).
VARIABLES = ["gdp_real", "gdp_nominal", "gdp_deflator", "population", "urbanization_rate", "labour",
             "capital_stock", "tfp", "primary_share", "secondary_share", "exports", "imports",
             "domestic_trade", "energy_intensity", "energy_consumption", "co2", "income_per_capita"]


def fill_path(spec, base_year, n):
    """A driver's path, one value per year (index 0 = base year), as io.plansim.scenario.PathSpec.fill."""
    years = np.arange(base_year, base_year + n)
    if isinstance(spec, (int, float)):
        return np.full(n, float(spec))
    if "anchors" in spec:  # straight lines between anchors, flat outside them
        a = sorted((int(y), float(v)) for y, v in spec["anchors"].items())
        return np.interp(years, [y for y, _ in a], [v for _, v in a])
    periods = []  # {2021-2025: 0.065, 2026-2035: 0.05}; the base year takes the first period's value
    for key, v in spec.items():
        lo, _, hi = str(key).partition("-")
        periods.append((int(lo), int(hi or lo), float(v)))
    out = np.full(n, periods[0][2])
    for lo, hi, v in periods:
        out[(years >= lo) & (years <= hi)] = v
    return out


def draw(rng, d, m):
    """m draws of a parameter distribution as the scenario states it."""
    kind = d["dist"]
    if kind == "normal":
        return rng.normal(d["mean"], d["sd"], m)
    if kind == "lognormal":
        return rng.lognormal(d["mu"], d["sigma"], m)
    if kind == "uniform":
        return rng.uniform(d["min"], d["max"], m)
    if kind == "triangular":
        return rng.triangular(d["min"], d["mode"], d["max"], m)
    if kind == "pert":  # Beta(1 + 4(mode-min)/range, 1 + 4(max-mode)/range) on [min, max]
        r = d["max"] - d["min"]
        return d["min"] + r * rng.beta(1 + 4 * (d["mode"] - d["min"]) / r, 1 + 4 * (d["max"] - d["mode"]) / r, m)
    if kind == "truncnormal":  # by rejection: fine for the mild truncations scenarios use
        x = rng.normal(d["mean"], d["sd"], m)
        bad = (x < d["min"]) | (x > d["max"])
        while bad.any():
            x[bad] = rng.normal(d["mean"], d["sd"], int(bad.sum()))
            bad = (x < d["min"]) | (x > d["max"])
        return x
    raise SystemExit(f"unknown distribution {kind}")


class Model:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            s = yaml.safe_load(f)
        if "extends" in s:
            raise SystemExit("the peer reads a self-contained scenario (no extends)")
        if s.get("model", "solow") != "solow":
            raise SystemExit("the peer implements model: solow")
        self.base_year, horizon = int(s["baseYear"]), int(s["horizon"])
        self.n = n = horizon - self.base_year + 1
        self.base = {k: float(v["value"]) for k, v in s["base"].items()}
        drivers = {f"{g}.{k}": v for g, group in s.get("drivers", {}).items() for k, v in group.items()}
        self.d = {}
        for name, default in DEFAULTS.items():
            spec = drivers.get(name, default)
            self.d[name] = float(spec) if name in SCALARS else fill_path(spec, self.base_year, n)
        u = s.get("uncertainty", {}) or {}
        self.params = []  # (driver, distribution, first t, last t, apply: shift | scale | replace)
        for name, p in (u.get("parameters") or {}).items():
            lo, hi = self.base_year, horizon
            if "years" in p:
                a, _, b = str(p["years"]).partition("-")
                lo, hi = int(a), int(b)
            self.params.append((name, p, max(lo - self.base_year, 0), hi - self.base_year, p["apply"]))
        shocks = u.get("shocks") or {}
        self.shock_vars = list(shocks)
        k = len(self.shock_vars)
        self.sd = np.array([float(shocks[v]["sd"]) for v in self.shock_vars])
        self.rho = np.array([float(shocks[v].get("persistence", 0.0)) for v in self.shock_vars])
        corr = np.eye(k)
        c = u.get("correlation")
        if c:
            idx = [self.shock_vars.index(v) for v in c["variables"]]
            for i, a in enumerate(idx):
                for j, b in enumerate(idx):
                    corr[a, b] = c["matrix"][i][j]
        self.chol = np.linalg.cholesky(corr) if k else np.zeros((0, 0))
        self.df = float((u.get("tails") or {}).get("df", 0))
        self.events = [(float(e["probability"]), list(e["effects"].items())) for e in (u.get("events") or {}).values()]

    def run(self, paths, seed, chunk):
        n, ty = self.n, TARGET_YEAR - self.base_year
        rng = np.random.default_rng(seed)
        met = 0
        s1 = {v: np.zeros(n) for v in VARIABLES}
        s2 = {v: np.zeros(n) for v in VARIABLES}
        kept = {v: np.empty(paths) for v in ("gdp_nominal", "population", "urbanization_rate")}
        done = 0
        while done < paths:
            m = min(chunk, paths - done)
            out = self.chunk(rng, m)
            met += int(np.count_nonzero(out["gdp_nominal"][ty] > TARGET_VALUE))
            for v in VARIABLES:
                x = out[v]  # years x paths
                s1[v] += x.sum(axis=1)
                s2[v] += np.einsum("ij,ij->i", x, x)
            for v in kept:
                kept[v][done:done + m] = out[v][-1]
            done += m
        mean = {v: s1[v] / paths for v in VARIABLES}
        sd = {v: np.sqrt(np.maximum(s2[v] / paths - mean[v] ** 2, 0) * paths / max(paths - 1, 1)) for v in VARIABLES}
        pct = {v: np.percentile(kept[v], [5, 25, 50, 75, 95]) for v in kept}
        return met, mean, sd, pct

    def chunk(self, rng, m):
        """Simulates m paths; returns every accumulated variable as a (years, m) array."""
        n, d, b = self.n, self.d, self.base
        # ---- parameters, drawn once per path: each uncertain driver becomes an (n, m) path per path
        drv = dict(d)
        for name, p, lo, hi, apply in self.params:
            x = draw(rng, p, m)
            path = np.repeat(d[name][:, None], m, axis=1)
            if apply == "shift":
                path[lo:hi + 1] = path[lo:hi + 1] + x
            elif apply == "scale":
                path[lo:hi + 1] = path[lo:hi + 1] * x
            else:
                path[lo:hi + 1] = x
            drv[name] = path
        col = lambda name, t: drv[name][t]  # scalar or (m,)
        k = len(self.shock_vars)
        row = {v: i for i, v in enumerate(self.shock_vars)}
        out = {v: np.empty((n, m)) for v in VARIABLES}

        # ---- base year
        alpha = d["production.capitalShare"]
        real = np.full(m, b["gdpNominal"])
        pop = np.full(m, b["population"])
        urban = np.full(m, b["urbanizationRate"] / 100)
        primary = np.full(m, b["primaryShare"] / 100)
        secondary = np.full(m, b["secondaryShare"] / 100)
        labour = pop * col("population.workingAgeShare", 0) * col("population.participation", 0)
        deflator = np.ones(m)
        exports = np.full(m, b["exports"])
        imports = np.full(m, b["imports"])
        domestic = np.full(m, b["domesticTrade"])
        intensity = np.full(m, b["energyIntensity"])
        income = np.full(m, b["incomePerCapita"])
        capital = d["production.capitalOutputRatio"] * real
        human = np.ones(m)
        tfp0 = real / (capital ** alpha * (human * labour) ** (1 - alpha))
        tfp = tfp0.copy()
        e = np.zeros((m, k))  # AR(1) log shocks
        supply = real.copy()  # the supply side's real output, before the demand channel (docs/MODEL.md)
        demand = np.zeros(m)
        self.write(out, 0, real, deflator, pop, urban, labour, capital, tfp / tfp0, primary, secondary, exports,
                   imports, domestic, intensity, income, drv)

        # ---- annual steps
        for t in range(1, n):
            f = {}  # level factors of the year: exp(e) times rare-event factors
            if k:
                z = rng.standard_normal((m, k)) @ self.chol.T
                if self.df > 0:
                    z *= np.sqrt((self.df - 2) / rng.chisquare(self.df, m))[:, None]
                e = self.rho * e + self.sd * z
                ex = np.exp(e)
                f = {v: ex[:, i] for v, i in row.items()}
            for prob, effects in self.events:
                hit = rng.random(m) < prob
                if not hit.any():
                    continue
                for v, size in effects:  # a size is drawn only where the event happens
                    factor = np.ones(m)
                    factor[hit] += draw(rng, size, int(np.count_nonzero(hit)))
                    f[v] = f[v] * factor if v in f else factor
            one = 1.0
            prev_real, prev_pop, prev_nominal = real, pop, real * deflator
            pop = pop * (1 + col("population.naturalGrowth", t) + col("population.netMigration", t)) * f.get("population", one)
            ceiling = col("population.urbanCeiling", t)
            urban = ceiling / (1 + (ceiling / urban - 1) * np.exp(-col("population.urbanSpeed", t)))
            labour = pop * col("population.workingAgeShare", t) * col("population.participation", t)
            prev_turnover = exports + domestic
            exports = exports * (1 + col("trade.exportTrend", t) + col("trade.exportElasticity", t)
                                 * col("trade.worldDemandGrowth", t)) * f.get("exports", one)
            domestic = domestic * (1 + col("trade.domesticTradeGrowth", t)) * f.get("domestic_trade", one)
            deflator_factor = (1 + col("prices.deflatorGrowth", t)) * f.get("gdp_deflator", one)
            deflator = deflator * deflator_factor
            capital = (1 - col("production.depreciation", t)) * capital + col("production.savingsRate", t) * prev_real
            tfp = tfp * (1 + col("production.tfpGrowth", t)) * f.get("gdp_real", one)  # the GDP shock hits TFP
            human = human * (1 + col("production.humanCapitalGrowth", t))
            prev_supply = supply
            supply = tfp * capital ** alpha * (human * labour) ** (1 - alpha)
            # demand channel: turnover growth beyond the supply side's nominal growth moves output (docs/MODEL.md)
            demand = demand + col("trade.outputElasticity", t) * (np.log((exports + domestic) / prev_turnover)
                                                                   - np.log(supply / prev_supply * deflator_factor))
            real = supply * np.exp(demand)
            nominal_growth = real * deflator / prev_nominal - 1
            speed = col("structure.convergenceSpeed", t)
            primary = primary + speed * (col("structure.primaryLongRun", t) - primary)
            secondary = secondary + speed * (col("structure.secondaryLongRun", t) - secondary)
            imports = imports * (1 + col("trade.importTrend", t) + col("trade.importElasticity", t)
                                 * nominal_growth) * f.get("imports", one)
            intensity = intensity * (1 - col("energy.intensityDecline", t)) * f.get("energy_intensity", one)
            per_capita_growth = (real / pop) / (prev_real / prev_pop) - 1
            income = income * (1 + col("income.passThrough", t) * per_capita_growth) * (1 + col("prices.cpiInflation", t))
            self.write(out, t, real, deflator, pop, urban, labour, capital, tfp / tfp0, primary, secondary, exports,
                       imports, domestic, intensity, income, drv)
        return out

    @staticmethod
    def write(out, t, real, deflator, pop, urban, labour, capital, tfp, primary, secondary, exports, imports,
              domestic, intensity, income, drv):
        energy = real * intensity
        non_fossil = drv["energy.nonFossilShare"][t]
        out["gdp_real"][t] = real
        out["gdp_nominal"][t] = real * deflator
        out["gdp_deflator"][t] = deflator
        out["population"][t] = pop
        out["urbanization_rate"][t] = 100 * urban
        out["labour"][t] = labour
        out["capital_stock"][t] = capital
        out["tfp"][t] = tfp
        out["primary_share"][t] = 100 * primary
        out["secondary_share"][t] = 100 * secondary
        out["exports"][t] = exports
        out["imports"][t] = imports
        out["domestic_trade"][t] = domestic
        out["energy_intensity"][t] = intensity
        out["energy_consumption"][t] = energy
        out["co2"][t] = energy * (1 - non_fossil) * drv["energy.fossilCarbonFactor"][t]
        out["income_per_capita"][t] = income


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--paths", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=8192, help="paths simulated at once (fits the caches) (default %(default)s)")
    ap.add_argument("--scenario", default=DEFAULT_SCENARIO)
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    ap.add_argument("--plansim-json", help="a `plansim mc --format json` result to compare P(target) with")
    ap.add_argument("--central", action="store_true",
                    help="print the central path (no uncertainty) as 'variable year value' lines, to check the "
                         "equations against `plansim run --format json`")
    a = ap.parse_args()
    if a.central:
        model = Model(a.scenario)
        model.params, model.events = [], []
        model.sd = np.zeros_like(model.sd)
        out = model.chunk(np.random.default_rng(0), 1)
        for v in VARIABLES:
            for t in range(model.n):
                print(v, model.base_year + t, repr(float(out[v][t, 0])))
        return

    t0 = time.perf_counter()
    model = Model(a.scenario)
    t1 = time.perf_counter()
    met, mean, sd, pct = model.run(a.paths, a.seed, a.chunk)
    t2 = time.perf_counter()
    p = met / a.paths
    se = math.sqrt(p * (1 - p) / a.paths)
    res = {"paths": a.paths, "seed": a.seed, "chunk": a.chunk, "numpy": np.__version__,
           "seconds": t2 - t1, "pathsPerSecond": a.paths / (t2 - t1), "setupSeconds": t1 - t0,
           "target": TARGET_ID, "probability": p, "standardError": se,
           "gdpNominal2035Percentiles": dict(zip(["p5", "p25", "p50", "p75", "p95"], pct["gdp_nominal"].tolist())),
           "gdpNominal2035Mean": float(mean["gdp_nominal"][-1]), "gdpNominal2035Sd": float(sd["gdp_nominal"][-1]),
           "population2035Median": float(pct["population"][2]),
           "urbanization2035Median": float(pct["urbanization_rate"][2])}
    if a.plansim_json:
        with open(a.plansim_json, encoding="utf-8") as f:
            ref = json.load(f)
        t = next(x for x in ref["targets"] if x["id"] == TARGET_ID)
        q, n = t["probability"], ref["paths"]
        diff_se = math.sqrt(se ** 2 + q * (1 - q) / n)
        res.update({"plansimProbability": q, "plansimPaths": n, "difference": p - q, "differenceSe": diff_se,
                    "z": (p - q) / diff_se if diff_se > 0 else float("nan")})
    if a.json:
        print(json.dumps(res))
        return
    print(f"NumPy {np.__version__} peer of plansim: Yiwu baseline {model.base_year}-{model.base_year + model.n - 1}, "
          f"{a.paths} paths, seed {a.seed}, chunks of {a.chunk}")
    print(f"simulated in {res['seconds']:.2f} s: {res['pathsPerSecond']:,.0f} paths/s "
          f"(setup {res['setupSeconds']:.2f} s)")
    print(f"P(gdp_nominal {TARGET_YEAR} > {TARGET_VALUE:g} 亿元) = {p:.6f} +/- {se:.6f} (MC standard error)")
    q = res["gdpNominal2035Percentiles"]
    print(f"gdp_nominal {TARGET_YEAR}: mean {res['gdpNominal2035Mean']:.1f}, sd {res['gdpNominal2035Sd']:.1f}, "
          f"p5 {q['p5']:.1f} p50 {q['p50']:.1f} p95 {q['p95']:.1f} 亿元")
    print(f"population {TARGET_YEAR} median {res['population2035Median']:.2f} 万人, "
          f"urbanization {TARGET_YEAR} median {res['urbanization2035Median']:.2f} %")
    if a.plansim_json:
        print(f"plansim ({res['plansimPaths']} paths): {res['plansimProbability']:.6f}; difference {res['difference']:+.6f}, "
              f"{res['z']:+.2f} standard errors of the difference")


if __name__ == "__main__":
    sys.exit(main())
