#!/usr/bin/env python3
"""NumPy peer of plansim's Monte Carlo (`plansim mc SCENARIO --format json`): the same work, written as an
economist would write it in NumPy. Paths are vectorised in chunks, years are a Python loop.

The same equations as plansim's kernel (engine/src/main/java/io/plansim/kernel/ProjectionKernel.java,
docs/MODEL.md) and Monte Carlo (engine/src/main/java/io/plansim/runner/PathBlock.java), read from the scenario
file itself (with its `extends:` chain merged as plansim merges it): base values, every driver path (constants,
periods, anchors; the defaults of docs/MODEL.md for drivers the file omits), one-off `shocks:`, the satellites
(growth, ratio and path modes), the uncertain parameters (apply: shift, scale or replace), the annual shocks of core
variables and of satellites of every mode (sd, AR(1) persistence, correlation through a Cholesky factor, Student-t
tails) and the rare events; then plansim's spread recalibration of each path (docs/MODEL.md "Recalibration", the
built-in scenarios/reference/calibration/spread.yaml unless --calibration FILE; --raw for none, as `mc --raw`).

Outputs, as plansim's: for every variable it projects (36 core variables and the scenario's satellites) and
every year, the mean, the sd and the 5/10/25/50/75/90/95th percentiles, and P(met) of every catalog target
(the scenario's `targets:` file, judged on each path against that path, years before the base from its
`history:` file). Percentiles are exact order statistics of ALL paths (R type 7, numpy.percentile's default),
found in two passes over the same random streams (each chunk draws from its own seeded generator, so a chunk
simulated twice gives the same values): pass 1 counts each variable-year's values in 2,048 bins laid out
on the first chunk; pass 2 simulates again and keeps only the values in the bins that hold the wanted ranks.

Both production kinds: `model: solow` and `model: growth` (the exogenous real-growth path, without the Solow rows).
What it does not implement it refuses, loudly (exit 2): an unknown model, an uncertainty entry on something
outside DRAWN_DRIVERS / SHOCKABLE below or with a key it does not know, actuals after the base year (a nowcast),
observations.
To add a drawn driver, add it to DEFAULTS (its path is then drawn by the generic parameter code) and use it in
`simulate`; to add a shocked variable, add it to SHOCKABLE and multiply its growth factor by `factor(name)`.

Usage: mc_numpy.py [--paths 1000000] [--seed 1] [--chunk 8192] [--scenario FILE] [--json]
                   [--calibration spread.yaml | --raw]
                   [--plansim-json OUT.json]   (check every figure against a `plansim mc --format json` result)
                   [--central]                  (the central path only, as 'variable year value' lines)
                   [--self-test]                (the two-pass percentiles against numpy.percentile of kept values)
"""
import argparse
import csv
import json
import math
import os
import re
import statistics
import sys
import time

import numpy as np
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_SCENARIO = os.path.join(HERE, "..", "..", "scenarios", "yiwu", "baseline.yaml")
LEVELS = [5, 10, 25, 50, 75, 90, 95]  # the percentiles plansim prints (p05 ... p95)
BINS = 2048  # pass-1 bins per variable-year, laid out on the first chunk's 0.5%-99.5% range
FAMILY_ALPHA = 0.01  # the chance that a correct peer fails the check anywhere (Bonferroni over all comparisons)

# Driver defaults for drivers a scenario omits: io.plansim.scenario.Driver (the table in docs/MODEL.md).
# Every driver here can be drawn (uncertainty.parameters): its path becomes one path per Monte Carlo path.
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
DRAWN_DRIVERS = set(DEFAULTS)
# model constants, read in the base year only (the kernel reads params[row * n]); drawn, they are one value a path,
# applied to the whole path whatever `years:` says (io.plansim.compile.DriverPaths: a scalar driver's range is all years)
BASE_YEAR_ONLY = {"production.capitalShare", "production.capitalOutputRatio"}
# Variables whose growth factor takes an annual shock or an event: the kernel's shockable core variables
# (io.plansim.model.Variable) and, in `simulate_satellites`, every satellite (a growth satellite's growth factor;
# a ratio or path satellite is multiplied by its accumulated factors, as ProjectionKernel.satellites does).
SHOCKABLE = {"gdp_real", "gdp_deflator", "exports", "imports", "domestic_trade", "population", "energy_intensity"}
# The keys each uncertainty entry may have; `source:` (where the prior comes from) does not change a draw.
PARAMETER_KEYS = {"dist", "mean", "sd", "min", "max", "mode", "mu", "sigma", "apply", "years", "source"}
SHOCK_KEYS = {"sd", "persistence", "source"}
EVENT_KEYS = {"probability", "effects", "source"}
DEFAULT_CALIBRATION = os.path.join(HERE, "..", "..", "scenarios", "reference", "calibration", "spread.yaml")

# Output variables in plansim's order (io.plansim.model.Variable); the scenario's satellites follow.
CORE = ["gdp_real", "gdp_nominal", "gdp_real_growth", "gdp_deflator", "gdp_per_capita", "primary_share",
        "secondary_share", "tertiary_share", "primary_va", "secondary_va", "tertiary_va", "exports", "imports",
        "goods_trade", "domestic_trade", "total_trade", "exports_usd", "imports_usd", "goods_trade_usd",
        "cny_per_usd", "population", "urban_population", "urbanization_rate", "labour", "capital_stock", "tfp",
        "human_capital", "ga_capital", "ga_labour", "ga_human_capital", "ga_tfp", "ga_trade",
        "energy_consumption", "energy_intensity", "non_fossil_share", "co2", "income_per_capita"]


SOLOW_ONLY = {"capital_stock", "tfp", "human_capital", "ga_capital", "ga_labour", "ga_human_capital", "ga_tfp", "ga_trade"}


def refuse(what):
    """The peer does not implement this: say so and stop, rather than diverge from plansim silently."""
    print(f"mc_numpy.py: not implemented in the peer: {what}", file=sys.stderr)
    sys.exit(2)


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
    refuse(f"distribution '{kind}'")


def read_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


# What a child scenario replaces whole instead of merging into (io.plansim.scenario.ScenarioLoader.ATOMIC).
ATOMIC = re.compile(r"^/drivers/[^/]+/[^/]+$|^/satellites/[^/]+/(trend|ratio|path|elasticity)$|^/base/[^/]+/source$"
                    r"|^/uncertainty/(parameters|shocks|events)/[^/]+$|^/uncertainty/correlation$")


def read_scenario(path, depth=0):
    """The scenario file with its `extends:` chain resolved as plansim does (LocatedDocument.over): the child's
    mappings merge into the parent's key by key, except the ATOMIC ones, which the child's value replaces whole;
    a null in the child removes the key. The parent is named relative to the child's folder (yiwu/high-growth
    extends baseline, the baseline.yaml beside it)."""
    s = read_yaml(path)
    if not isinstance(s, dict) or "baseYear" not in s and "extends" not in s:
        print(f"mc_numpy.py: {path} is not a scenario file (no baseYear: or extends:)", file=sys.stderr)
        sys.exit(2)
    parent = s.pop("extends", None)
    if parent is None:
        return s
    if depth > 8 or "/" in str(parent):
        refuse(f"extends: {parent} in {path} (the peer follows up to 8 parents in the same folder)")
    parent_path = os.path.join(os.path.dirname(os.path.abspath(path)), f"{parent}.yaml")
    if not os.path.isfile(parent_path):
        refuse(f"extends: {parent} in {path} (no {parent_path})")
    return merge(read_scenario(parent_path, depth + 1), s, "")


def merge(parent, child, pointer):
    out = dict(parent)
    for key, mine in child.items():
        at = f"{pointer}/{key}"
        if mine is None:
            out.pop(key, None)
        elif isinstance(mine, dict) and isinstance(out.get(key), dict) and not ATOMIC.match(at):
            out[key] = merge(out[key], mine, at)
        else:
            out[key] = mine
    return out


class Scenario:
    """The scenario file, its target catalog and history, read and checked against what the peer implements."""

    def __init__(self, path):
        s = read_scenario(path)
        for key in ("observations", "asOf"):
            if s.get(key):
                refuse(f"'{key}:' in {path}")
        if s.get("model", "solow") not in ("solow", "growth"):
            refuse(f"model: {s['model']} (the peer implements model: solow and model: growth)")
        self.solow = s.get("model", "solow") == "solow"
        self.base_year, self.horizon = int(s["baseYear"]), int(s["horizon"])
        self.n = n = self.horizon - self.base_year + 1
        self.base = {k: float(v["value"]) for k, v in s["base"].items()}
        drivers = {f"{g}.{k}": v for g, group in (s.get("drivers") or {}).items() for k, v in group.items()}
        for name in drivers:
            if name not in DEFAULTS:
                refuse(f"driver {name}")
        self.drivers = {name: fill_path(drivers.get(name, default), self.base_year, n)
                        for name, default in DEFAULTS.items()}
        self.satellites = self.read_satellites(s.get("satellites") or {})
        # the growth kind has no capital, TFP, human capital or growth accounting (io.plansim.model.Variable)
        self.variables = [v for v in CORE if self.solow or v not in SOLOW_ONLY] + [sat["id"] for sat in self.satellites]
        self.read_uncertainty(s.get("uncertainty") or {})
        self.one_off = self.read_one_off_shocks(s.get("shocks") or {})
        folder = os.path.dirname(os.path.abspath(path))
        self.history = self.read_history(os.path.join(folder, s["history"])) if s.get("history") else {}
        after = sorted(f"{v} {y}" for v, y in self.history if y > self.base_year and v in self.variables)
        if after:  # plansim would condition every path on them (docs/MODEL.md "Nowcast")
            refuse(f"actuals after the base year in the history ({', '.join(after[:5])}): a nowcast")
        self.targets = self.read_targets(os.path.join(folder, s["targets"])) if s.get("targets") else []

    def read_satellites(self, spec):
        out = []
        for sid, x in spec.items():
            mode = x.get("mode", "growth")
            base = float(x["base"]["value"])
            if mode == "growth":
                primary, elasticity = x.get("trend", 0.0), x.get("elasticity", 1.0)
            elif mode == "ratio":
                primary, elasticity = x.get("ratio", float("nan")), 0.0  # no ratio: the base year's ratio is kept
            elif mode == "path":
                primary, elasticity = x.get("path", base), 0.0
            else:
                refuse(f"satellite mode {mode} ({sid})")
            if mode != "path" and x.get("link") not in CORE:
                refuse(f"satellite {sid} linked to {x.get('link')}")
            out.append({"id": sid, "mode": mode, "link": x.get("link"), "base": base,
                        "primary": fill_path(primary, self.base_year, self.n),
                        "elasticity": fill_path(elasticity, self.base_year, self.n)})
        return out

    def read_one_off_shocks(self, shocks):
        """`shocks:` one-off level shifts, {variable, year, size}: the growth factor of that year times 1 + size,
        on every path and the central path (ScenarioCompiler); returns variable -> (years,) factors."""
        shockable = SHOCKABLE | {sat["id"] for sat in self.satellites}
        out = {}
        for name, x in shocks.items():
            if x["variable"] not in shockable or set(x) - {"variable", "year", "size", "note", "source"}:
                refuse(f"shocks.{name}: {x}")
            t = int(x["year"]) - self.base_year
            if not 0 < t < self.n:
                refuse(f"shocks.{name}: year {x['year']} outside {self.base_year + 1}-{self.horizon}")
            out.setdefault(x["variable"], np.ones(self.n))[t] *= 1 + float(x["size"])
        return out

    def read_uncertainty(self, u):
        for key in u:
            if key not in ("parameters", "shocks", "correlation", "tails", "events"):
                refuse(f"uncertainty.{key}")
        shockable = SHOCKABLE | {sat["id"] for sat in self.satellites}
        self.params = []  # (driver, distribution, first index, last index, apply: shift | scale | replace)
        for name, p in (u.get("parameters") or {}).items():
            if name not in DRAWN_DRIVERS:
                refuse(f"uncertainty.parameters.{name} (drawn drivers: DRAWN_DRIVERS)")
            if set(p) - PARAMETER_KEYS:
                refuse(f"uncertainty.parameters.{name}: keys {sorted(set(p) - PARAMETER_KEYS)}")
            lo, hi = self.base_year, self.horizon
            if "years" in p and name not in BASE_YEAR_ONLY:
                a, _, b = str(p["years"]).partition("-")
                lo, hi = max(int(a), self.base_year), min(int(b or a), self.horizon)
            if p.get("apply") not in ("shift", "scale", "replace"):
                refuse(f"uncertainty.parameters.{name}.apply: {p.get('apply')}")
            self.params.append((name, p, lo - self.base_year, hi - self.base_year, p["apply"]))
        shocks = u.get("shocks") or {}
        for v, x in shocks.items():
            if v not in shockable or set(x) - SHOCK_KEYS:
                refuse(f"uncertainty.shocks.{v}: {x}")
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
        self.events = []
        for name, e in (u.get("events") or {}).items():
            if set(e) - EVENT_KEYS:
                refuse(f"uncertainty.events.{name}: keys {sorted(set(e) - EVENT_KEYS)}")
            for v in e["effects"]:
                if v not in shockable:
                    refuse(f"uncertainty.events.{name}.effects.{v}")
            self.events.append((float(e["probability"]), list(e["effects"].items())))

    @staticmethod
    def read_history(path):
        """The used figure per (metric, year) of a history CSV (io.plansim.target.History)."""
        with open(path, encoding="utf-8") as f:
            return {(r["metric"], int(r["year"])): float(r["value"]) for r in csv.DictReader(f) if r["status"] == "used"}

    def read_targets(self, path):
        """The catalog targets a Monte Carlo run judges on its paths (io.plansim.aggregate.PathTargets.of):
        years after the base up to the horizon, on a projected variable, with history for years before the base."""
        kept = []
        for t in read_yaml(path)["targets"]:
            if t["metric"] not in self.variables or not self.base_year < int(t["year"]) <= self.horizon:
                continue
            kind, year = t["kind"], int(t["year"])
            if kind not in ("level", "share", "growth", "change", "cumulative"):
                refuse(f"target kind {kind} ({t['id']})")
            if t["comparator"] not in (">=", ">", "<=", "<", "about", "between"):
                refuse(f"target comparator {t['comparator']} ({t['id']})")
            first = int(t["from"]) if kind in ("growth", "change", "cumulative") else year
            last_before = self.base_year - 1 if kind == "cumulative" else min(first, self.base_year - 1)
            if all((t["metric"], y) in self.history for y in range(first, last_before + 1)):
                kept.append(t)
        return kept


def met(t, outcome):
    """Whether outcomes (in the target's own terms) meet target t (io.plansim.target.Target.metBy)."""
    cmp, value = t["comparator"], float(t["value"])
    if cmp == ">=":
        return outcome >= value
    if cmp == ">":
        return outcome > value
    if cmp == "<=":
        return outcome <= value
    if cmp == "<":
        return outcome < value
    if cmp == "between":
        return (outcome >= value) & (outcome <= float(t["high"]))
    if "tolerance" not in t:  # about: met once the outcome is within the tolerance on the right side
        refuse(f"target {t['id']}: 'about' without a tolerance")
    return outcome <= value + t["tolerance"] if value < 0 else outcome >= value - t["tolerance"]


class Calibration:
    """plansim's spread recalibration (docs/MODEL.md "Recalibration", io.plansim.runner.CalibratedPaths): every path's
    value x of a variable in a calibrated group, in year t after the base, moves to m exp(k ln(x / m)), m the central
    path's value and k the group's factor at horizon t (the last fitted one beyond it): k_lo (factorsBelow) where
    x < m, k_hi (factorsAbove) otherwise, both the one list `factors` in a symmetric group (format 1); m + k (x - m)
    unless x and m are both positive. `plansim mc` applies it unless --raw: to the core rows right after the kernel
    has projected them, carrying each scaled level's ratio x' / x into the values of its year computed from it
    (io.plansim.model.LevelIdentities: real GDP into nominal GDP, per capita, value added, energy, CO2, TFP and TFP's
    growth term; real GDP growth and the trade sums computed again), then the satellites are projected from the
    recalibrated core, then a satellite's own factors apply; all before target counts, moments and percentiles."""

    # a level's products (scale with it) and quotients (divided by it) within a year: io.plansim.model.LevelIdentities
    PRODUCTS = {
        "gdp_real": ("gdp_nominal", "gdp_per_capita", "primary_va", "secondary_va", "tertiary_va", "energy_consumption",
                     "co2", "tfp"),
        "gdp_deflator": ("gdp_nominal", "gdp_per_capita", "primary_va", "secondary_va", "tertiary_va"),
        "population": ("urban_population", "labour"),
        "urbanization_rate": ("urban_population",),
        "energy_intensity": ("energy_consumption", "co2"),
        "income_per_capita": (),
    }
    QUOTIENTS = {"population": ("gdp_per_capita",)}
    TRADE_TERMS = ("exports", "imports", "domestic_trade", "cny_per_usd")

    def __init__(self, path):
        c = read_yaml(path)
        if c.get("format") not in (1, 2):
            refuse(f"calibration file {path}: format {c.get('format')} (the peer reads formats 1 and 2)")
        self.id = c["id"]
        self.factors = {}  # variable -> (k_lo list, k_hi list)
        for g in c["groups"]:
            below = g.get("factorsBelow", g.get("factors"))
            above = g.get("factorsAbove", g.get("factors"))
            for v in g["variables"]:
                self.factors[v] = ([float(k) for k in below], [float(k) for k in above])

    @staticmethod
    def _at(f, h):
        return f[max(0, min(len(f), h) - 1)]

    def _scaled(self, v, x, m, n):
        below, above = self.factors[v]
        k_lo = np.array([self._at(below, h) for h in range(1, n)])[:, None]
        k_hi = np.array([self._at(above, h) for h in range(1, n)])[:, None]
        k = np.where(x < m, k_lo, k_hi)
        positive = (x > 0) & (m > 0)
        with np.errstate(divide="ignore", invalid="ignore"):
            scaled = m * np.exp(k * np.log(x / m))
        return np.where(positive, scaled, m + k * (x - m))

    def apply_core(self, out, row, centre, solow):
        """Recalibrates the core rows of out, (variables, years, m), in place, and what follows from them; row maps a
        variable to its index, centre is the central path, (variables, years)."""
        n = out.shape[1]
        trade = False
        for v in self.factors:
            if v not in self.PRODUCTS and v not in self.TRADE_TERMS:
                continue  # a satellite (after the satellites), or a derived value listed beside its level
            i = row[v]
            x = out[i, 1:].copy()
            out[i, 1:] = self._scaled(v, x, centre[i, 1:, None], n)
            with np.errstate(divide="ignore", invalid="ignore"):
                r = np.where(x != 0, out[i, 1:] / x, 1.0)
            for p in self.PRODUCTS.get(v, ()):
                if p in row and (solow or p != "tfp"):
                    out[row[p], 1:] *= r
            for q in self.QUOTIENTS.get(v, ()):
                out[row[q], 1:] /= r
            if v == "gdp_real":
                if solow:  # TFP's growth term takes the change of log growth (TFP is the residual)
                    d = 100 * np.log(r)
                    out[row["ga_tfp"], 1:] += d
                    out[row["ga_tfp"], 2:] -= d[:-1]
                real = out[row["gdp_real"]]
                out[row["gdp_real_growth"], 1:] = 100 * (real[1:] / real[:-1] - 1)
            trade |= v in self.TRADE_TERMS
        if trade:
            ex, im, dom, fx = (out[row[v], 1:] for v in ("exports", "imports", "domestic_trade", "cny_per_usd"))
            out[row["goods_trade"], 1:] = ex + im
            out[row["total_trade"], 1:] = ex + im + dom
            out[row["exports_usd"], 1:] = ex / fx
            out[row["imports_usd"], 1:] = im / fx
            out[row["goods_trade_usd"], 1:] = (ex + im) / fx

    def apply_satellites(self, out, row, centre, satellites):
        """Recalibrates the satellites a group names (after they are projected from the recalibrated core)."""
        n = out.shape[1]
        for v in satellites:
            if v in self.factors:
                i = row[v]
                out[i, 1:] = self._scaled(v, out[i, 1:], centre[i, 1:, None], n)


class Model:
    def __init__(self, scenario, calibration=None):
        self.s = scenario
        self.row = {v: i for i, v in enumerate(scenario.variables)}
        self.calibration = calibration  # None: the raw distribution (plansim mc --raw)
        self.centre = self.simulate(None, 1, central=True)[:, :, 0] if calibration else None

    def simulate(self, rng, m, central=False):
        """Simulates m paths; returns every output variable as a (variables, years, m) array.
        central: no draws at all, the scenario's own path (plansim's central path)."""
        s, n = self.s, self.s.n
        b = s.base
        out = np.empty((len(s.variables), n, m))

        def put(v, t, x):
            out[self.row[v], t] = x

        # ---- parameters, drawn once per path: each drawn driver becomes one (years, m) path per path
        drv = dict(s.drivers)
        for name, p, lo, hi, apply in ([] if central else s.params):
            x = draw(rng, p, m)
            path = np.repeat(s.drivers[name][:, None], m, axis=1)
            if apply == "shift":
                path[lo:hi + 1] += x
            elif apply == "scale":
                path[lo:hi + 1] *= x
            else:
                path[lo:hi + 1] = x
            drv[name] = path
        d = lambda name, t: drv[name][t]  # scalar or (m,)

        # ---- annual shock factors: exp(AR(1) log shocks) times the rare events' factors, per variable and year
        # variable -> (years, m) level factors, starting from the one-off shocks (on the central path too);
        # a variable without an entry has factor 1
        factors = {v: np.repeat(x[:, None], m, axis=1) for v, x in s.one_off.items()}
        if not central:
            k = len(s.shock_vars)
            e = np.zeros((m, k))
            for v in s.shock_vars:
                factors.setdefault(v, np.ones((n, m)))
            for t in range(1, n):
                if k:
                    z = rng.standard_normal((m, k)) @ s.chol.T
                    if s.df > 0:
                        z *= np.sqrt((s.df - 2) / rng.chisquare(s.df, m))[:, None]
                    e = s.rho * e + s.sd * z
                    ex = np.exp(e)
                    for i, v in enumerate(s.shock_vars):
                        factors[v][t] *= ex[:, i]
                for prob, effects in s.events:
                    hit = rng.random(m) < prob
                    if not hit.any():
                        continue
                    for v, size in effects:  # a size is drawn only where the event happens
                        factors.setdefault(v, np.ones((n, m)))[t, hit] *= 1 + draw(rng, size, int(np.count_nonzero(hit)))
        factor = lambda v, t: factors[v][t] if v in factors else 1.0

        # ---- base year
        alpha = drv["production.capitalShare"][0]
        real = np.full(m, b["gdpNominal"])
        pop = np.full(m, b["population"])
        urban = np.full(m, b["urbanizationRate"] / 100)
        primary = np.full(m, b["primaryShare"] / 100)
        secondary = np.full(m, b["secondaryShare"] / 100)
        labour = pop * d("population.workingAgeShare", 0) * d("population.participation", 0)
        deflator = np.ones(m)
        exports = np.full(m, b["exports"])
        imports = np.full(m, b["imports"])
        domestic = np.full(m, b["domesticTrade"])
        intensity = np.full(m, b["energyIntensity"])
        income = np.full(m, b["incomePerCapita"])
        ln_supply = np.log(real)  # the supply side's real output, before the demand channel (docs/MODEL.md), in logs
        demand = np.zeros(m)
        put("gdp_real_growth", 0, b["gdpRealGrowth"])
        if s.solow:
            capital = drv["production.capitalOutputRatio"][0] * real
            human = np.ones(m)
            tfp0 = real / np.exp(alpha * np.log(capital) + (1 - alpha) * (np.log(human) + np.log(labour)))
            ln_tfp = np.log(tfp0)
            tfp = tfp0.copy()
            put("capital_stock", 0, capital)
            put("tfp", 0, 1.0)
            put("human_capital", 0, 1.0)
            for v in ("ga_capital", "ga_labour", "ga_human_capital", "ga_tfp", "ga_trade"):
                put(v, 0, np.nan)  # growth accounting starts with the first projected year
        self.levels(put, d, 0, real, deflator, pop, urban, labour, primary, secondary, exports, imports, domestic,
                    intensity, income)

        # ---- annual steps
        for t in range(1, n):
            prev_real, prev_pop, prev_nominal, prev_labour = real, pop, real * deflator, labour
            pop = pop * (1 + d("population.naturalGrowth", t) + d("population.netMigration", t)) * factor("population", t)
            ceiling = d("population.urbanCeiling", t)
            urban = ceiling / (1 + (ceiling / urban - 1) * np.exp(-d("population.urbanSpeed", t)))
            labour = pop * d("population.workingAgeShare", t) * d("population.participation", t)
            prev_turnover = exports + domestic
            exports = exports * (1 + d("trade.exportTrend", t) + d("trade.exportElasticity", t)
                                 * d("trade.worldDemandGrowth", t)) * factor("exports", t)
            domestic = domestic * (1 + d("trade.domesticTradeGrowth", t)) * factor("domestic_trade", t)
            deflator_factor = (1 + d("prices.deflatorGrowth", t)) * factor("gdp_deflator", t)
            deflator = deflator * deflator_factor
            prev_ln_supply = ln_supply
            if s.solow:
                prev_capital, prev_human = capital, human
                capital = (1 - d("production.depreciation", t)) * capital + d("production.savingsRate", t) * prev_real
                tfp_factor = (1 + d("production.tfpGrowth", t)) * factor("gdp_real", t)  # the GDP shock hits TFP
                tfp = tfp * tfp_factor
                human = human * (1 + d("production.humanCapitalGrowth", t))
                # the supply side in logs, ln Y = ln A + alpha ln K + (1 - alpha) ln(h L), as the kernel computes it
                ln_tfp = ln_tfp + np.log(tfp_factor)
                ln_supply = ln_tfp + alpha * np.log(capital) + (1 - alpha) * (np.log(human) + np.log(labour))
            else:  # model: growth, the exogenous path Ys(t) = Ys(t-1) (1 + realGrowth(t)) shock_Y(t)
                ln_supply = ln_supply + np.log((1 + d("production.realGrowth", t)) * factor("gdp_real", t))
            # demand channel: turnover growth beyond the supply side's nominal growth moves output (docs/MODEL.md)
            demand_step = d("trade.outputElasticity", t) * (np.log((exports + domestic) / (prev_turnover * deflator_factor))
                                                            - (ln_supply - prev_ln_supply))
            demand = demand + demand_step
            real = np.exp(ln_supply + demand)
            speed = d("structure.convergenceSpeed", t)
            primary = primary + speed * (d("structure.primaryLongRun", t) - primary)
            secondary = secondary + speed * (d("structure.secondaryLongRun", t) - secondary)
            imports = imports * (1 + d("trade.importTrend", t) + d("trade.importElasticity", t)
                                 * (real * deflator / prev_nominal - 1)) * factor("imports", t)
            intensity = intensity * (1 - d("energy.intensityDecline", t)) * factor("energy_intensity", t)
            per_capita_growth = (real / pop) / (prev_real / prev_pop) - 1
            income = income * (1 + d("income.passThrough", t) * per_capita_growth) * (1 + d("prices.cpiInflation", t))
            put("gdp_real_growth", t, 100 * (real / prev_real - 1))
            if s.solow:
                put("capital_stock", t, capital)
                put("tfp", t, tfp / tfp0)
                put("human_capital", t, human)
                # growth accounting in log points x 100 (docs/MODEL.md)
                put("ga_capital", t, 100 * alpha * np.log(capital / prev_capital))
                put("ga_labour", t, 100 * (1 - alpha) * np.log(labour / prev_labour))
                put("ga_human_capital", t, 100 * (1 - alpha) * np.log(human / prev_human))
                put("ga_tfp", t, 100 * np.log(tfp_factor))
                put("ga_trade", t, 100 * demand_step)
            self.levels(put, d, t, real, deflator, pop, urban, labour, primary, secondary, exports, imports, domestic,
                        intensity, income)
        calibrate = self.calibration and not central
        if calibrate:
            self.calibration.apply_core(out, self.row, self.centre, s.solow)
        self.simulate_satellites(out, factor)
        if calibrate:
            self.calibration.apply_satellites(out, self.row, self.centre, [sat["id"] for sat in s.satellites])
        return out

    @staticmethod
    def levels(put, d, t, real, deflator, pop, urban, labour, primary, secondary, exports, imports, domestic,
               intensity, income):
        """Every level that follows from the year's state by identities."""
        nominal = real * deflator
        tertiary = 1 - primary - secondary
        fx = d("prices.cnyPerUsd", t)
        energy = real * intensity  # 亿元 x 吨标准煤/万元 = 万吨标准煤
        non_fossil = d("energy.nonFossilShare", t)
        for v, x in (("gdp_real", real), ("gdp_nominal", nominal), ("gdp_deflator", deflator),
                     ("gdp_per_capita", nominal / pop * 1e4),  # 亿元 / 万人 = 1e4 元 per person
                     ("primary_share", 100 * primary), ("secondary_share", 100 * secondary),
                     ("tertiary_share", 100 * tertiary), ("primary_va", primary * nominal),
                     ("secondary_va", secondary * nominal), ("tertiary_va", tertiary * nominal),
                     ("exports", exports), ("imports", imports), ("goods_trade", exports + imports),
                     ("domestic_trade", domestic), ("total_trade", exports + imports + domestic),
                     ("exports_usd", exports / fx), ("imports_usd", imports / fx),
                     ("goods_trade_usd", (exports + imports) / fx), ("cny_per_usd", fx), ("population", pop),
                     ("urban_population", pop * urban), ("urbanization_rate", 100 * urban), ("labour", labour),
                     ("energy_consumption", energy), ("energy_intensity", intensity),
                     ("non_fossil_share", 100 * non_fossil),
                     ("co2", energy * (1 - non_fossil) * d("energy.fossilCarbonFactor", t)),
                     ("income_per_capita", income)):
            put(v, t, x)

    def simulate_satellites(self, out, factor):
        """Satellites from the core rows (docs/MODEL.md, 'Satellite indicators')."""
        for sat in self.s.satellites:
            row = out[self.row[sat["id"]]]
            row[0] = sat["base"]
            if sat["mode"] == "path":  # a given path times its accumulated shocks (1 on the central path)
                row[1:] = sat["primary"][1:, None] * self.accumulated(factor, sat["id"])
                continue
            link = out[self.row[sat["link"]]]
            if sat["mode"] == "ratio":  # the ratio (the base year's when none is given) times the link, times shocks
                ratio = sat["primary"][1:, None]
                row[1:] = np.where(np.isnan(ratio), sat["base"] / link[0], ratio) * link[1:] \
                    * self.accumulated(factor, sat["id"])
                continue
            growth = 1 + sat["primary"][1:, None] + sat["elasticity"][1:, None] * (link[1:] / link[:-1] - 1)
            for t in range(1, self.s.n):
                row[t] = row[t - 1] * growth[t - 1] * factor(sat["id"], t)

    def accumulated(self, factor, v):
        """The product of v's shock factors from the first projected year to each year, as (years - 1, m) or 1:
        a deviation that persists, as a growth satellite's level shift does (ProjectionKernel.satellites)."""
        f = [factor(v, t) for t in range(1, self.s.n)]
        if all(isinstance(x, float) for x in f):
            return 1.0
        return np.cumprod(np.broadcast_arrays(*f), axis=0)

    def outcome(self, t, out):
        """Target t's outcome on each path (io.plansim.target.TargetOutcome): level, % growth, % change or sum."""
        s, row = self.s, out[self.row[t["metric"]]]
        at = lambda y: row[y - s.base_year] if y >= s.base_year else s.history[(t["metric"], y)]
        year = int(t["year"])
        if t["kind"] in ("level", "share"):
            return at(year)
        if t["kind"] == "growth":
            return 100 * ((at(year) / at(int(t["from"]))) ** (1.0 / (year - int(t["from"]))) - 1)
        if t["kind"] == "change":
            return 100 * (at(year) / at(int(t["from"])) - 1)
        return sum(at(y) for y in range(int(t["from"]), year + 1))


class Run:
    """The Monte Carlo in chunks: moments and P(met) in pass 1, exact percentiles from pass 2."""

    def __init__(self, model, paths, seed, chunk):
        self.model, self.paths, self.seed, self.chunk = model, paths, seed, chunk
        self.rows = len(model.s.variables) * model.s.n  # variable-years
        self.undefined = np.isnan(model.simulate(None, 1, central=True).reshape(self.rows))
        self.defined = ~self.undefined

    def chunks(self):
        """(chunk index, values as (variable-years, paths)), each chunk from its own generator."""
        for i, start in enumerate(range(0, self.paths, self.chunk)):
            m = min(self.chunk, self.paths - start)
            x = self.model.simulate(np.random.default_rng([self.seed, i]), m).reshape(self.rows, m)
            x[self.undefined] = 0.0  # growth accounting has no base year: kept as 0 here, reported as NaN
            yield i, x

    def bin_of(self, x):
        """Each value's bin, numbered across all variable-years: 0 below the layout, BINS + 1 above.
        (x - lo) / width + 1 as one multiply-add, clipped, truncated: the same arithmetic in both passes."""
        b = x * self.scale[:, None]
        b += self.shift[:, None]
        np.clip(b, 0, BINS + 1, out=b)
        return b.astype(np.int32) + self.offset[:, None]

    def pass1(self):
        s = self.model.s
        n_total, mean, m2 = 0, np.zeros(self.rows), np.zeros(self.rows)
        self.lowest, self.highest = np.full(self.rows, np.inf), np.full(self.rows, -np.inf)
        self.met = np.zeros(len(s.targets), dtype=np.int64)
        self.counts = np.zeros(self.rows * (BINS + 2), dtype=np.int64)
        self.offset = (np.arange(self.rows) * (BINS + 2)).astype(np.int32)
        for i, x in self.chunks():
            m = x.shape[1]
            if i == 0:  # the bins: the first chunk's 0.5%-99.5% range in BINS steps
                self.lo, hi = np.percentile(x, [0.5, 99.5], axis=1)
                width = np.where(hi > self.lo, (hi - self.lo) / BINS, 1.0)
                self.scale, self.shift = 1 / width, 1 - self.lo / width
            if not np.isfinite(x).all():
                raise SystemExit("mc_numpy.py: a path produced a value that is not finite")
            # moments merged chunk by chunk (Chan et al.), so a variable-year with no spread keeps sd 0
            c_mean = x.mean(axis=1)
            c_m2 = ((x - c_mean[:, None]) ** 2).sum(axis=1)
            delta = c_mean - mean
            mean = mean + delta * m / (n_total + m)
            m2 = m2 + c_m2 + delta ** 2 * n_total * m / (n_total + m)
            n_total += m
            self.lowest, self.highest = np.minimum(self.lowest, x.min(axis=1)), np.maximum(self.highest, x.max(axis=1))
            self.counts += np.bincount(self.bin_of(x).ravel(), minlength=self.counts.size)
            out = x.reshape(len(s.variables), s.n, m)
            for j, t in enumerate(s.targets):
                self.met[j] += np.count_nonzero(met(t, self.model.outcome(t, out)))
        self.mean = np.where(self.defined, mean, np.nan)
        self.sd = np.where(self.defined, np.sqrt(m2 / max(self.paths - 1, 1)), np.nan)

    def percentiles(self, levels):
        """Exact R type 7 percentiles (levels in %) of every variable-year over all paths, as (rows, levels)."""
        n = self.paths
        counts = self.counts.reshape(self.rows, BINS + 2)
        cum = counts.cumsum(axis=1)
        below = (cum - counts).ravel()  # values below each bin, within its variable-year

        def holding(rank):
            """The bin holding each variable-year's order statistic of 0-based rank (numbered across rows)."""
            return np.argmax(cum > rank, axis=1) + self.offset

        h = (n - 1) * np.asarray(levels) / 100
        ranks = {int(r) for hk in h for r in (math.floor(hk), min(math.floor(hk) + 1, n - 1))}
        spread = self.defined & (self.highest > self.lowest)
        wanted = np.zeros(self.counts.size, dtype=bool)
        for rank in ranks:
            wanted[holding(rank)[spread]] = True
        kept_bins, kept_values = [], []
        for _, x in self.chunks():  # pass 2: the same paths again, keeping only the values in wanted bins
            bins = self.bin_of(x)
            keep = wanted[bins]
            kept_bins.append(bins[keep])
            kept_values.append(x[keep])
        bins, values = np.concatenate(kept_bins), np.concatenate(kept_values)
        order = np.lexsort((values, bins))
        bins, values = bins[order], values[order]
        first = np.searchsorted(bins, np.arange(self.counts.size))  # where each bin's sorted values start

        def order_statistic(rank):
            b = holding(rank)
            return values[np.minimum(first[b] + rank - below[b], values.size - 1)]

        result = np.empty((self.rows, len(levels)))
        for k, hk in enumerate(h):
            lo = int(math.floor(hk))
            hi = min(lo + 1, n - 1)
            x_lo, x_hi = order_statistic(lo), order_statistic(hi)
            result[:, k] = x_lo + (hk - lo) * (x_hi - x_lo)
        result[~spread] = self.lowest[~spread, None]  # every path agrees (or none is defined)
        result[~self.defined] = np.nan
        return result


def check(res, model, ref, levels, pct):
    """Every figure against plansim's `mc --format json`: returns (lines of text, number of failures).

    Tolerances: the two runs are independent samples, so a mean or a probability may differ by Monte Carlo
    error; they must agree within z standard errors of the difference, z from a Bonferroni bound that keeps
    the chance of any false alarm over all comparisons at FAMILY_ALPHA. A percentile must be within plansim's
    stated accuracy (0.5% in rank, or 1% of the variable-year's 5-95% range) plus the same z standard errors
    of the sampled rank: plansim's value lies between the peer's exact percentiles at the level less and plus
    that rank tolerance."""
    s = model.s
    n_p, n_q = res.paths, ref["paths"]
    n_pct, z, comparisons = check_size(ref, s)
    fails, lines, worst = 0, [], {"mean": 0.0, "central": 0.0, "percentile": 0.0, "probability": 0.0}
    nv = len(s.variables)
    mean = res.mean.reshape(nv, s.n)
    sd = res.sd.reshape(nv, s.n)
    central = model.simulate(None, 1, central=True)[:, :, 0]
    for i, v in enumerate(s.variables):
        r = ref["variables"].get(v)
        if r is None:
            fails += 1
            lines.append(f"FAIL {v}: not in plansim's output")
            continue
        for t in range(s.n):
            if not res.defined[i * s.n + t]:
                continue
            year = s.base_year + t
            c = r["central"][t]
            rel = abs(central[i, t] - c) / max(abs(c), 1e-300)
            worst["central"] = max(worst["central"], rel)
            if rel > 1e-9:
                fails += 1
                lines.append(f"FAIL {v} {year} central: peer {central[i, t]!r}, plansim {c!r}")
            se = math.sqrt(sd[i, t] ** 2 / n_p + r["sd"][t] ** 2 / n_q)
            dz = z_score(mean[i, t], r["mean"][t], se)
            worst["mean"] = max(worst["mean"], dz)
            if dz > z:
                fails += 1
                lines.append(f"FAIL {v} {year} mean: peer {mean[i, t]:.6g}, plansim {r['mean'][t]:.6g}, {dz:.1f} se")
            span = pct[i * s.n + t, LEVELS.index(95)] - pct[i * s.n + t, LEVELS.index(5)]
            for k, q in enumerate(LEVELS):
                x = r[f"p{q:02d}"][t]
                exact = pct[i * s.n + t, k]
                low, high = pct[i * s.n + t, len(LEVELS) + 2 * k], pct[i * s.n + t, len(LEVELS) + 2 * k + 1]
                miss = max(low - x, x - high, 0.0) if not abs(x - exact) <= 0.01 * span else 0.0
                worst["percentile"] = max(worst["percentile"], abs(x - exact) / span if span > 0 else 0.0)
                if miss > 1e-9 * max(abs(x), 1.0):
                    fails += 1
                    lines.append(f"FAIL {v} {year} p{q:02d}: plansim {x:.6g}, peer exact {exact:.6g}, "
                                 f"rank band [{low:.6g}, {high:.6g}], 1% of 5-95 range {0.01 * span:.3g}")
    by_id = {t["id"]: t for t in ref["targets"]}
    for j, t in enumerate(s.targets):
        r = by_id.get(t["id"])
        if r is None or r.get("probability") is None:
            fails += 1
            lines.append(f"FAIL target {t['id']}: no probability in plansim's output")
            continue
        p, q = res.met[j] / n_p, r["probability"]
        pooled = (res.met[j] + q * n_q) / (n_p + n_q)
        se = math.sqrt(pooled * (1 - pooled) * (1 / n_p + 1 / n_q))
        dz = z_score(p, q, se)
        worst["probability"] = max(worst["probability"], dz)
        if dz > z:
            fails += 1
            lines.append(f"FAIL target {t['id']}: peer {p:.5f}, plansim {q:.5f}, {dz:.1f} se")
    plansim_ids = {t["id"] for t in ref["targets"] if t.get("probability") is not None and t["year"] > s.base_year}
    for missing in sorted(plansim_ids - {t["id"] for t in s.targets}):
        fails += 1
        lines.append(f"FAIL target {missing}: judged by plansim, not by the peer")
    head = (f"checked against plansim ({n_q:,} paths, percentiles from {n_pct:,}): {comparisons:,} comparisons, "
            f"z = {z:.2f} (Bonferroni, family-wise {FAMILY_ALPHA:g}); worst: mean {worst['mean']:.2f} se, "
            f"probability {worst['probability']:.2f} se, percentile {100 * worst['percentile']:.2f}% of the 5-95 range, "
            f"central path {worst['central']:.1e} relative; {fails} failed")
    return [head] + lines, fails, {"z": z, "comparisons": comparisons, "percentilePaths": n_pct, "worst": worst}


def same_distribution(ref, calibration):
    """Refuses to compare a calibrated result with a raw one (or two calibrations): plansim's JSON names its own."""
    line = ref.get("calibration", "")
    theirs = None if line.startswith("uncalibrated") else line
    if (theirs is None) != (calibration is None) or (calibration and f" {calibration.id} " not in theirs):
        print(f"mc_numpy.py: not the same distribution: plansim's result is '{line[:80]}...', the peer's "
              + ("raw (--raw)" if calibration is None else f"calibrated by {calibration.id} (--calibration)"), file=sys.stderr)
        sys.exit(2)


def check_size(ref, s):
    """(paths plansim's percentiles come from, z of the Bonferroni bound, number of comparisons)."""
    m = re.search(r"(all|first) (\d+) paths", ref["quantiles"])
    if not m:
        refuse(f"plansim's percentile basis '{ref['quantiles']}'")
    comparisons = s.n * len(s.variables) * (2 + len(LEVELS)) + len(s.targets)
    return int(m.group(2)), statistics.NormalDist().inv_cdf(1 - FAMILY_ALPHA / (2 * comparisons)), comparisons


def z_score(a, b, se):
    """|a - b| in standard errors; 0 when they agree to rounding (a figure with no spread in either run)."""
    diff = abs(a - b)
    if diff <= 1e-9 * max(abs(b), 1.0):
        return 0.0
    return diff / se if se > 0 else math.inf


def rank_band(paths, n_pct, z):
    """The rank tolerance of a percentile check: plansim's stated 0.5% plus z standard errors of the sampled rank
    of two independent samples (plansim's n_pct paths, the peer's paths), at its widest (the median)."""
    return 0.005 + z * math.sqrt(0.25 * (1 / n_pct + 1 / paths))


def self_test(model):
    """The two-pass percentiles are the exact ones: against numpy.percentile of every value kept in memory, on a
    run small enough to keep (3,000 paths in chunks of 512, so that chunks and bins are exercised)."""
    run = Run(model, 3000, 7, 512)
    run.pass1()
    two_pass = run.percentiles(LEVELS)
    kept = np.concatenate([x.copy() for _, x in run.chunks()], axis=1)
    exact = np.percentile(kept, LEVELS, axis=1).T
    exact[run.undefined] = np.nan
    # equal but for the last bits of the interpolation (numpy's lerp is written differently)
    same = np.allclose(two_pass, exact, rtol=1e-13, atol=0, equal_nan=True)
    print(f"self-test: two-pass percentiles of {run.rows} variable-years x {len(LEVELS)} levels "
          f"{'equal (to 1e-13 relative) to' if same else 'DIFFER from'} numpy.percentile of all 3,000 paths"
          + ("" if same else f" (largest difference {np.nanmax(np.abs(two_pass - exact)):.3g})"))
    return 0 if same else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--paths", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--chunk", type=int, default=8192, help="paths simulated at once (default %(default)s)")
    ap.add_argument("--scenario", default=DEFAULT_SCENARIO)
    ap.add_argument("--calibration", default=DEFAULT_CALIBRATION,
                    help="the spread recalibration plansim applies (default: the built-in %(default)s)")
    ap.add_argument("--raw", action="store_true", help="the uncalibrated distribution (as plansim mc --raw)")
    ap.add_argument("--json", action="store_true", help="print one JSON object instead of text")
    ap.add_argument("--plansim-json", help="a `plansim mc --format json` result to check every figure against")
    ap.add_argument("--central", action="store_true", help="print the central path as 'variable year value' lines")
    ap.add_argument("--self-test", action="store_true", help="check the two-pass percentiles against numpy.percentile")
    a = ap.parse_args()
    t0 = time.perf_counter()
    model = Model(Scenario(a.scenario), None if a.raw else Calibration(a.calibration))
    s = model.s
    if a.self_test:
        return self_test(model)
    if a.central:
        out = model.simulate(None, 1, central=True)
        for i, v in enumerate(s.variables):
            for t in range(s.n):
                print(v, s.base_year + t, repr(float(out[i, t, 0])))
        return 0
    ref = None
    levels = list(LEVELS)
    if a.plansim_json:  # the peer's exact percentiles at the rank band's ends too, for the check
        with open(a.plansim_json, encoding="utf-8") as f:
            ref = json.load(f)
        same_distribution(ref, model.calibration)
        n_pct, z, _ = check_size(ref, s)
        band = 100 * rank_band(a.paths, n_pct, z)
        for q in LEVELS:
            levels += [max(q - band, 0.0), min(q + band, 100.0)]
    run = Run(model, a.paths, a.seed, a.chunk)
    t1 = time.perf_counter()
    run.pass1()
    t2 = time.perf_counter()
    pct = run.percentiles(levels)
    t3 = time.perf_counter()
    res = {"paths": a.paths, "seed": a.seed, "chunk": a.chunk, "numpy": np.__version__,
           "variables": len(s.variables), "years": s.n, "targets": len(s.targets),
           "seconds": t3 - t1, "pass1Seconds": t2 - t1, "pass2Seconds": t3 - t2, "setupSeconds": t1 - t0,
           "pathsPerSecond": a.paths / (t3 - t1)}
    nv = len(s.variables)
    res["results"] = {v: {"mean": run.mean.reshape(nv, s.n)[i].tolist(), "sd": run.sd.reshape(nv, s.n)[i].tolist(),
                          **{f"p{q:02d}": pct[i * s.n:(i + 1) * s.n, k].tolist() for k, q in enumerate(LEVELS)}}
                      for i, v in enumerate(s.variables)}
    res["probabilities"] = {t["id"]: run.met[j] / a.paths for j, t in enumerate(s.targets)}
    key = "yiwu2035.gdp_nominal.2035"  # the headline target compare.sh prints
    fails = 0
    if ref is not None:
        lines, fails, summary = check(run, model, ref, LEVELS, pct)
        res["check"] = {"failures": fails, "lines": lines, **summary}
        if key in res["probabilities"]:
            p = res["probabilities"][key]
            q = next(t["probability"] for t in ref["targets"] if t["id"] == key)
            se = math.sqrt(p * (1 - p) / a.paths + q * (1 - q) / ref["paths"])
            res.update({"probability": p, "plansimProbability": q, "z": (p - q) / se if se > 0 else float("nan")})
    if a.json:
        print(json.dumps(res, allow_nan=True))
        return 1 if fails else 0
    print(f"NumPy {np.__version__} peer of plansim: {a.scenario}, {s.base_year}-{s.horizon}, {a.paths:,} paths, "
          f"seed {a.seed}, chunks of {a.chunk}: {nv} variables x {s.n} years, {len(s.targets)} targets")
    print(f"simulated and aggregated in {res['seconds']:.2f} s ({res['pathsPerSecond']:,.0f} paths/s; pass 1 "
          f"{res['pass1Seconds']:.2f} s, pass 2 for exact percentiles {res['pass2Seconds']:.2f} s; setup {res['setupSeconds']:.2f} s)")
    if key in res["probabilities"]:
        g = res["results"]["gdp_nominal"]
        print(f"P(gdp_nominal {s.horizon} > 4000 亿元) = {res['probabilities'][key]:.6f}; gdp_nominal {s.horizon}: "
              f"mean {g['mean'][-1]:.1f}, p05 {g['p05'][-1]:.1f}, p50 {g['p50'][-1]:.1f}, p95 {g['p95'][-1]:.1f} 亿元")
    if ref is not None:
        print("\n".join(res["check"]["lines"][:40]))
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
