#!/usr/bin/env bash
# Compares plansim's Monte Carlo with its NumPy peer (benchmarks/peer/mc_numpy.py) on the same workload:
# the Yiwu baseline 2020-2035, 1 million paths. Per round, one after the other:
#   plansim mc --threads 2, plansim mc --threads 1, and the peer (single-threaded NumPy),
# each timed end to end by /usr/bin/time -v (wall clock and maximum resident set size). plansim runs as users run it,
# through the ./plansim launcher with its class-data-sharing archive (made by one untimed short run first). The peer does the same work
# as plansim (every variable and year's mean, sd and 7 percentiles, exact over all paths; every catalog target) and
# checks its figures against plansim's JSON of the same round (plansim's calibrated distribution, with the
# calibration file inside the jar); a failed check fails the comparison.
#
# Prints the median over rounds of: paths per second and paths per CPU-second (user + system) of each, peak memory,
# and the goals of issue 23: paths per CPU-second of plansim (2 threads) against the same-work peer's (goal >= 3x),
# and the speed-up of 2 threads over 1 (wall clock, goal >= 1.8); then each round's check line and
# P(gdp_nominal 2035 > 4000) from both with the difference in standard errors.
#
# Usage: benchmarks/compare.sh [--rounds 3] [--paths 1000000] [--seed 1] [--engine-scaling] [--keep DIR]
#   --engine-scaling    also measure the engine's thread scaling without JVM start-up, loading and output:
#                       JMH MonteCarloBenchmark.perPath against perPathAllCores, 2 forks x 10 iterations (~4 min)
#   --keep DIR          keep the raw outputs (plansim JSON, peer JSON, time -v logs) in DIR
# Environment: PYTHON (default: /usr/bin/python3 when it has numpy and yaml, else python3), JAVA (default java: the
# JMH run; plansim runs through ./plansim, with the java on PATH).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=time_v.sh
source "$root/benchmarks/time_v.sh"
rounds=3
paths=1000000
seed=1
keep=""
engine_scaling=""
while (($#)); do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --paths) paths="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --engine-scaling) engine_scaling=1; shift ;;
    --keep) keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "compare.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done

java="${JAVA:-java}"
jar="$root/app/target/plansim.jar"
bench="$root/benchmarks/target/benchmarks.jar"
peer="$root/benchmarks/peer/mc_numpy.py"
[[ -x /usr/bin/time ]] || { echo "compare.sh: /usr/bin/time (GNU time) is needed: apt-get install -y time" >&2; exit 1; }
if [[ -n "${PYTHON:-}" ]]; then
  python="$PYTHON"
elif /usr/bin/python3 -c 'import numpy, yaml' 2>/dev/null; then
  python=/usr/bin/python3
else
  python=python3
fi
"$python" -c 'import numpy, yaml' 2>/dev/null \
  || { echo "compare.sh: $python lacks numpy or yaml: apt-get install -y python3-numpy python3-yaml" >&2; exit 1; }
if [[ ! -f "$jar" || ( -n "$engine_scaling" && ! -f "$bench" ) ]]; then
  echo "compare.sh: building (mvn -B -q -DskipTests package)..." >&2
  (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package >&2)
fi

tmp="${keep:-$(mktemp -d)}"
mkdir -p "$tmp"
[[ -n "$keep" ]] || trap 'rm -rf "$tmp"' EXIT
# Run copies, so that a rebuild during the comparison (mvn clean, ./plansim) neither breaks nor changes it.
cp "$jar" "$tmp/plansim.jar"
jar="$tmp/plansim.jar"
# ./plansim on that copy (PLANSIM_JAR: never rebuilt); its first run records the class-data-sharing archive
# (plansim.jsa next to the copy) that the timed runs map, as a user's second and later runs do
launcher=(env PLANSIM_JAR="$jar" "$root/plansim")
"${launcher[@]}" mc yiwu/baseline --paths 1000 --seed "$seed" --quiet --format json > /dev/null
[[ -f "$tmp/plansim.jsa" ]] || echo "compare.sh: no class-data-sharing archive was made; plansim runs without it" >&2
if [[ -n "$engine_scaling" ]]; then
  cp "$bench" "$tmp/benchmarks.jar"
  bench="$tmp/benchmarks.jar"
fi
# The peer reads the very scenario, target catalog, history and spread calibration the jar holds (the working tree
# may have moved on).
"$python" -c 'import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for name in ("yiwu/baseline.yaml", "yiwu/targets.yaml", "yiwu/history.csv", "reference/calibration/spread.yaml"):
    open(sys.argv[2] + "/" + name.rsplit("/", 1)[1], "wb").write(z.read("scenarios/" + name))' "$jar" "$tmp"
results="$tmp/results.tsv"
: > "$results"

# timed LABEL ROUND OUT CMD...: runs CMD with stdout to OUT under /usr/bin/time -v, appends
# "label round wall_seconds maxrss_kb cpu_seconds" (cpu = user + system) to the results. A failed command
# (the peer's check of plansim's figures included) stops the comparison.
timed() {
  local label="$1" round="$2" out="$3"
  shift 3
  /usr/bin/time -v -o "$tmp/$label-$round.time" "$@" > "$out" \
    || { echo "compare.sh: $label failed in round $round (output in $out)" >&2; exit 1; }
  local wall rss cpu
  read -r wall rss cpu < <(time_v_fields "$tmp/$label-$round.time")
  printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$round" "$wall" "$rss" "$cpu" >> "$results"
  printf '  %-16s %7.2f s wall %7.2f s cpu %10s paths/s  peak RSS %6.1f MB  (load average %s)\n' "$label" "$wall" "$cpu" \
    "$(awk -v p="$paths" -v s="$wall" 'BEGIN {printf "%.0f", p / s}')" "$(awk -v k="$rss" 'BEGIN {print k / 1024}')" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" >&2
}

cores="$(nproc)"
echo "Yiwu baseline 2020-2035, $paths paths, seed $seed, $rounds rounds, $cores cores, $($java -version 2>&1 | head -1), $("$python" -c 'import numpy; print("NumPy", numpy.__version__)')" >&2
for ((r = 1; r <= rounds; r++)); do
  echo "round $r" >&2
  timed plansim-2threads "$r" "$tmp/plansim-2threads-$r.json" \
    "${launcher[@]}" mc yiwu/baseline --paths "$paths" --seed "$seed" --threads 2 --quiet --format json
  timed plansim-1thread "$r" "$tmp/plansim-1thread-$r.json" \
    "${launcher[@]}" mc yiwu/baseline --paths "$paths" --seed "$seed" --threads 1 --quiet --format json
  # one thread, as the table says: NumPy's BLAS (the correlated shocks' matrix product) would otherwise start a
  # thread per core and count their spinning as the peer's CPU (111 s of CPU in 65 s of wall clock, session 6)
  timed numpy-peer "$r" "$tmp/numpy-peer-$r.json" \
    env OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 "$python" "$peer" --scenario "$tmp/baseline.yaml" --paths "$paths" --seed "$seed" --json \
    --calibration "$tmp/spread.yaml" --plansim-json "$tmp/plansim-2threads-$r.json"
done

scaling_csv=""
if [[ -n "$engine_scaling" ]]; then
  echo "engine thread scaling: JMH MonteCarloBenchmark.perPath and perPathAllCores (-f 2 -wi 3 -i 10)" >&2
  "$java" -jar "$bench" 'MonteCarloBenchmark.perPath(AllCores)?$' -f 2 -wi 3 -i 10 -rf csv -rff "$tmp/scaling.csv" \
    > "$tmp/scaling.log" 2>&1 || { cat "$tmp/scaling.log" >&2; exit 1; }
  scaling_csv="$tmp/scaling.csv"
fi

"$python" - "$results" "$paths" "$cores" "$tmp" "$rounds" "$scaling_csv" "$(cut -d' ' -f1-3 /proc/loadavg)" <<'EOF'
import json, statistics, sys
results, paths, cores, tmp, rounds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
scaling_csv, load = sys.argv[6], sys.argv[7]
runs = {}
for line in open(results):
    label, r, wall, rss, cpu = line.split("\t")
    runs.setdefault(label, {})[int(r)] = (float(wall), int(rss), float(cpu))
tput = {k: {r: paths / w[0] for r, w in v.items()} for k, v in runs.items()}
med = lambda xs: statistics.median(list(xs))
rs = range(1, rounds + 1)
two, one = tput["plansim-2threads"], tput["plansim-1thread"]
per_cpu = {k: {r: paths / w[2] for r, w in v.items()} for k, v in runs.items()}  # paths per CPU-second (user + system)
ratio = med(per_cpu["plansim-2threads"][r] / per_cpu["numpy-peer"][r] for r in rs)
ratio1 = med(per_cpu["plansim-1thread"][r] / per_cpu["numpy-peer"][r] for r in rs)
speedup = med(two[r] / one[r] for r in rs)
peers = [json.load(open(f"{tmp}/numpy-peer-{r}.json")) for r in rs]
ref = json.load(open(f"{tmp}/plansim-2threads-1.json"))
q = next(t for t in ref["targets"] if t["id"] == "yiwu2035.gdp_nominal.2035")
def show(label, key):
    return (f"{label:<28} {med(tput[key].values()):>10,.0f} paths/s   (rounds: "
            + ", ".join(f"{tput[key][r]:,.0f}" for r in rs) + f")   peak RSS {med(v[1] for v in runs[key].values()) / 1024:,.0f} MB"
            + f"   {med(paths / v[2] for v in runs[key].values()):,.0f} paths per CPU-second")
print(f"median of {rounds} rounds, {paths:,} paths, end-to-end wall clock (JVM or Python start-up included);")
print("paths per CPU-second (user + system time) is less sensitive to other load on the machine:")
print(show("plansim, 2 threads", "plansim-2threads"))
print(show("plansim, 1 thread", "plansim-1thread"))
print(show("NumPy peer (1 thread)", "numpy-peer"))
print(f"{'NumPy peer, simulation only':<28} {med(p['pathsPerSecond'] for p in peers):>10,.0f} paths/s   (its own timer, start-up and YAML excluded)")
print()
print(f"goals of issue 23 (load average {load} at the end, 1, 5 and 15 minutes; figures taken under load are not measurements):")
print(f"paths per CPU-second, plansim 2 threads / peer:  {ratio:6.2f}x  (goal >= 3: {'met' if ratio >= 3 else 'MISSED'}; plansim 1 thread / peer: {ratio1:.2f}x)")
print(f"speed-up, 2 threads over 1 (wall clock):         {speedup:6.2f}   (goal >= 1.8: {'met' if speedup >= 1.8 else 'MISSED'}; {cores} cores)")
if scaling_csv:
    import csv
    rows = {r["Benchmark"].rsplit(".", 1)[1]: r for r in csv.DictReader(open(scaling_csv))}
    one, every = (float(rows[k]["Score"]) for k in ("perPath", "perPathAllCores"))
    err1, err2 = (float(rows[k]["Score Error (99.9%)"]) for k in ("perPath", "perPathAllCores"))
    s = one / every
    print(f"engine speed-up (JMH, no start-up):               {s:6.2f}   (goal >= 1.8 on 2 cores: {'met' if s >= 1.8 else 'MISSED'}; {cores} cores);"
          f" {one:,.0f} +/- {err1:,.0f} against {every:,.0f} +/- {err2:,.0f} ns a path")
print()
for r, p in zip(rs, peers):
    print(f"round {r}: " + p["check"]["lines"][0])
print(f"P(gdp_nominal 2035 > 4000): plansim {q['probability']:.6f} +/- {q['standardError']:.6f}; peer per round "
      + ", ".join(f"{p['probability']:.6f} (z {p['z']:+.2f})" for p in peers))
EOF
