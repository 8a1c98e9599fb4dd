#!/usr/bin/env bash
# Throughput of plansim's batch front ends (issue 23, "the front ends' figures"), end to end on the command line:
#   evaluate   `plansim evaluate --panel pwt --format json --quiet`: the rolling-origin evaluation on the Penn World
#              Table (docs/EVALUATION.md), one Monte Carlo forecast (200 paths, 15 horizons) per economy and origin;
#              figure: forecasts a second = the JSON's panel.cases / wall clock of the whole command.
#   batch      `plansim batch GRID --quiet`: a grid of 20 variants of the Yiwu baseline (production.tfpGrowth x
#              trade.exportTrend, 5 x 4), 10,000 paths each (--batch-paths), 29 targets judged per path;
#              figure: variants a second = variants done (run-log.json) / wall clock of the whole command.
# Each command runs once per round under /usr/bin/time -v, JVM start-up, loading and writing included; the printout
# gives the median over rounds, the rounds, the same per CPU-second (user + system, less sensitive to other load),
# peak RSS, and the 1-minute load average before and after. A figure taken with other work on the machine
# (load average above 0.5 before a round starts) is marked "UNDER LOAD": not a measurement, re-measure idle.
# (The warm 10,000-path latency that `plansim serve` needs per slider move is JMH ServeForecastBenchmark.)
#
# Usage: benchmarks/frontends.sh [--rounds 3] [--batch-paths 10000] [--keep DIR]
# Environment: JAVA (default java).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=time_v.sh
source "$root/benchmarks/time_v.sh"
rounds=3
batch_paths=10000
keep=""
while (($#)); do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --batch-paths) batch_paths="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "frontends.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "frontends.sh: --rounds must be a positive whole number, not '$rounds'" >&2; exit 2; }
[[ "$batch_paths" =~ ^[1-9][0-9]*$ ]] || { echo "frontends.sh: --batch-paths must be a positive whole number, not '$batch_paths'" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "frontends.sh: /usr/bin/time (GNU time) is needed: apt-get install -y time" >&2; exit 1; }

java="${JAVA:-java}"
jar="$root/app/target/plansim.jar"
if [[ ! -f "$jar" ]]; then
  echo "frontends.sh: building (mvn -B -q -DskipTests package)..." >&2
  (cd "$root" && mvn -B -q -Dstyle.color=never -DskipTests package >&2)
fi
tmp="${keep:-$(mktemp -d)}"
mkdir -p "$tmp"
[[ -n "$keep" ]] || trap 'rm -rf "$tmp"' EXIT
cp "$jar" "$tmp/plansim.jar" # a rebuild during the measurement neither breaks nor changes it
jar="$tmp/plansim.jar"

cat > "$tmp/grid.yaml" <<YAML
name: frontends-batch
runs:
  - scenario: yiwu/baseline
    paths: $batch_paths
    seed: 1
    grid:
      production.tfpGrowth: [0.005, 0.01, 0.015, 0.02, 0.025]
      trade.exportTrend: [0.0, 0.01, 0.02, 0.03]
YAML

results="$tmp/results.tsv"
: > "$results"
# timed LABEL ROUND COUNT_COMMAND -- CMD...: runs CMD under /usr/bin/time -v (stdout to LABEL-ROUND.out), then
# COUNT_COMMAND (a shell snippet) prints how many forecasts or variants it made; appends
# "label round wall cpu maxrss_kb count load_before load_after" to the results.
timed() {
  local label="$1" round="$2" count_cmd="$3"
  shift 4
  local before after
  before="$(cut -d' ' -f1 /proc/loadavg)"
  /usr/bin/time -v -o "$tmp/$label-$round.time" "$@" > "$tmp/$label-$round.out" \
    || { echo "frontends.sh: $label failed in round $round (output in $tmp/$label-$round.out)" >&2; exit 1; }
  after="$(cut -d' ' -f1 /proc/loadavg)"
  local wall rss cpu count
  read -r wall rss cpu < <(time_v_fields "$tmp/$label-$round.time")
  count="$(eval "$count_cmd")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$round" "$wall" "$cpu" "$rss" "$count" "$before" "$after" >> "$results"
  printf '  %-9s %7.2f s wall %7.2f s cpu  %5s made  peak RSS %6.1f MB  (load average %s before, %s after)\n' \
    "$label" "$wall" "$cpu" "$count" "$(awk -v k="$rss" 'BEGIN {print k / 1024}')" "$before" "$after" >&2
}

echo "plansim front ends, $rounds rounds, $(nproc) cores, $($java -version 2>&1 | head -1)" >&2
for ((r = 1; r <= rounds; r++)); do
  echo "round $r" >&2
  timed evaluate "$r" "python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))[\"panel\"][\"cases\"])' $tmp/evaluate-$r.out" -- \
    "$java" -jar "$jar" evaluate --panel pwt --format json --quiet
  rm -rf "$tmp/batch-$r"
  timed batch "$r" "python3 -c 'import json, sys; print(sum(v[\"status\"] == \"done\" for v in json.load(open(sys.argv[1]))[\"variants\"]))' $tmp/batch-$r/run-log.json" -- \
    "$java" -jar "$jar" batch "$tmp/grid.yaml" --out "$tmp/batch-$r" --quiet
done

python3 - "$results" "$rounds" "$batch_paths" <<'EOF'
import statistics, sys
results, rounds, batch_paths = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
runs = {}
for line in open(results):
    label, r, wall, cpu, rss, count, before, after = line.rstrip("\n").split("\t")
    runs.setdefault(label, []).append((float(wall), float(cpu), int(rss), int(count), float(before), float(after)))
med = statistics.median
print(f"median of {rounds} rounds, end to end (JVM start-up, loading and output included):")
for label, unit, what in (("evaluate", "forecasts", "evaluate --panel pwt (200 paths, 15 horizons a forecast)"),
                          ("batch", "variants", f"batch, Yiwu baseline grid ({batch_paths:,} paths a variant)")):
    rs = runs[label]
    loaded = max(x[4] for x in rs) > 0.5
    per_s = [x[3] / x[0] for x in rs]
    per_cpu = [x[3] / x[1] for x in rs]
    print(f"{what}: {rs[0][3]:,} {unit}, {med(per_s):,.2f} {unit} a second (rounds: "
          + ", ".join(f"{v:,.2f}" for v in per_s) + f"), {med(per_cpu):,.2f} {unit} per CPU-second, "
          f"peak RSS {med(x[2] for x in rs) / 1024:,.0f} MB; load average {min(x[4] for x in rs):.2f}-{max(x[5] for x in rs):.2f}"
          + ("  UNDER LOAD: not a measurement, re-measure on an idle machine" if loaded else ""))
    if label == "batch":
        print(f"  = {med(x[3] * batch_paths / x[0] for x in rs):,.0f} Monte Carlo paths a second")
EOF
