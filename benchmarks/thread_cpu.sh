#!/usr/bin/env bash
# CPU time per thread group of one command (a JVM): where a run's CPU goes besides its Monte Carlo workers.
# Polls /proc/PID/task/*/stat every 20 ms while the command runs and prints, per thread name with its numbers folded
# (plansim-mc-N, GC ThreadN; the C1 and C2 compiler threads apart), the user + system CPU seconds last seen; a thread
# that ends between two polls loses at most 20 ms. "java" is the launcher's and the Java main thread (the command
# line's loading, compiling and output), "C1/C2 CompilerThre" the JIT compilers. On 2 cores the compilers and the
# main thread compete with 2 workers for the cores but run beside a single worker on the idle second core: what
# keeps the 2-thread speed-up of an end-to-end run below 2 (docs/PERFORMANCE.md, session 6).
#
# Usage: benchmarks/thread_cpu.sh OUT CMD...   (CMD's stdout goes to OUT, its stderr is dropped; the wall clock and
# the load average at the end are printed last)
#   e.g. benchmarks/thread_cpu.sh /dev/null java -jar app/target/plansim.jar mc yiwu/baseline --paths 200000 \
#            --seed 1 --quiet --format json --threads 2
set -euo pipefail
[[ $# -ge 2 ]] || { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
out="$1"
shift
start=$(date +%s.%N)
"$@" > "$out" 2>/dev/null &
pid=$!
declare -A cpu
while kill -0 "$pid" 2>/dev/null; do
  for st in /proc/"$pid"/task/*/stat; do
    line=$(cat "$st" 2>/dev/null) || continue
    tid=${st#/proc/$pid/task/}
    tid=${tid%/stat}
    name=${line#*(}
    name=${name%)*}
    read -r -a f <<<"${line##*) }"
    cpu["$tid $name"]=$(( f[11] + f[12] )) # utime and stime, fields 14 and 15 of stat
  done
  sleep 0.02
done
rc=0
wait "$pid" || rc=$?
end=$(date +%s.%N)
for k in "${!cpu[@]}"; do printf '%s\t%s\n' "${k#* }" "${cpu[$k]}"; done | awk -F'\t' -v hz="$(getconf CLK_TCK)" '
  { g = $1; if (g !~ /^C[12] /) gsub(/[0-9]+/, "N", g); s[g] += $2; t += $2 }
  END { for (g in s) if (s[g] > 0) printf "%8.2f s  %s\n", s[g] / hz, g; printf "%8.2f s  all threads\n", t / hz }' | sort -rn
awk -v a="$start" -v b="$end" 'BEGIN { printf "%8.2f s  wall clock (load average %s)\n", b - a, "'"$(cut -d' ' -f1-3 /proc/loadavg)"'" }'
exit "$rc"
