# Shared by compare.sh and frontends.sh (source it): reads a GNU `/usr/bin/time -v -o FILE` log.
# time_v_fields FILE prints "wall_seconds maxrss_kb cpu_seconds" (cpu = user + system).
time_v_fields() {
  awk -F': ' '
    /Elapsed \(wall clock\)/ {n = split($2, p, ":"); wall = 0; for (i = 1; i <= n; i++) wall = wall * 60 + p[i]}
    /Maximum resident set size/ {rss = $2}
    /(User|System) time \(seconds\)/ {cpu += $2}
    END {print wall, rss, cpu}' "$1"
}
