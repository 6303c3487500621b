#!/usr/bin/env bash
# Times clean builds of report-site as whole processes (the ./report-site launcher, JVM start included),
# next to Hugo and Eleventy building the same Markdown workload when they are installed
# (bench/install-peers.sh), and prints a Markdown table of medians and ratios.
#
#   bench/run.sh                 everything below at the everyday sizes
#   bench/run.sh markdown 4000   one Markdown workload size
#   bench/run.sh report          the report-shaped workload (T tables of R rows)
#   bench/run.sh table 40000     one table of R rows (subtotals and a checked total), placed on a note page
#   bench/run.sh bundled         the bundled report (content/)
#   bench/run.sh against REV     the bundled report's cold build by this checkout and by revision REV's (each with its
#                                own launcher, content, templates and class-data archive), RUNS pairs alternating
#   bench/run.sh scale           the sizes of a large archive and a large report, each timed RUNS_LARGE times:
#                                Markdown N = 20000 and 100000, report T = 1000 and 3000, tables of 10k and 40k rows
#
# Environment: RUNS (timed runs, default 5), WARMUP (default 1), SIZES (default "250 1000 4000"),
# TABLES/ROWS of the report workload (default 1000/40), RUNS_LARGE (default 1) and PEERS_LARGE (default
# "hugo": Eleventy takes many minutes at 100000 pages; "hugo eleventy" for both, "" for none) for `scale`,
# BASELINE (a report-site jar, e.g. main's, also timed on the bundled report, with the templates and static files
# of BASELINE_ROOT, its checkout), BENCH_WORK (default /dev/shm/report-site-bench:
# workloads and outputs live on tmpfs, so the disk's noise is not measured; set it to a disk folder to
# include the disk). Timing: hyperfine (median, output removed before each run outside the timed part);
# peak memory: GNU time's maximum resident set size of the same runs.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
WORK=${BENCH_WORK:-/dev/shm/report-site-bench}
RUNS=${RUNS:-5}
WARMUP=${WARMUP:-1}
SIZES=${SIZES:-"250 1000 4000"}
TABLES=${TABLES:-1000}
ROWS=${ROWS:-40}
RUNS_LARGE=${RUNS_LARGE:-1}
PEERS_LARGE=${PEERS_LARGE-hugo}
PEERS=${PEERS-"hugo eleventy"}
ELEVENTY="$here/peers/node_modules/.bin/eleventy"
mkdir -p "$WORK/results"

for tool in hyperfine python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run bench/install-peers.sh" >&2; exit 2; }
done

# Make sure the launcher's jar and class-data archive exist before anything is timed.
"$root/report-site" build -q --out "$WORK/warm-site" >/dev/null 2>&1 || { echo "the bundled report does not build" >&2; exit 1; }

# time NAME OUTDIR CMD... -> prints "median_s peak_MB" and keeps hyperfine's JSON in results/
time_cmd() {
  local name=$1 out=$2; shift 2
  local script="$WORK/results/$name.sh" mem="$WORK/results/$name.maxrss_kb"
  printf '#!/usr/bin/env bash\nexec' > "$script"
  printf ' %q' "$@" >> "$script"
  printf '\n' >> "$script"
  chmod +x "$script"
  : > "$mem"
  hyperfine -N --style none --runs "$RUNS" --warmup "$WARMUP" --prepare "rm -rf $out" \
    --export-json "$WORK/results/$name.json" "/usr/bin/time -a -o $mem -f %M $script" > "$WORK/results/$name.txt" 2>&1 \
    || { echo "FAIL FAIL"; cat "$WORK/results/$name.txt" >&2; return; }
  python3 - "$WORK/results/$name.json" "$mem" "$RUNS" <<'PY'
import json, statistics, sys
r = json.load(open(sys.argv[1]))["results"][0]
kb = [int(l.split()[-1]) for l in open(sys.argv[2]) if l.strip().split()[-1:] and l.split()[-1].isdigit()][-int(sys.argv[3]):]
print("%.3f %.0f" % (r["median"], statistics.median(kb) / 1024))
PY
}

ratio() { python3 -c "import sys; a, b = sys.argv[1:]; print('%.2f×' % (float(a) / float(b)) if a.replace('.', '').isdigit() and b.replace('.', '').isdigit() else '–')" "$1" "$2"; }

markdown() {
  local n=$1
  local w="$WORK/md$n"
  [[ -f "$w/N" && $(cat "$w/N") == "$n" ]] || { python3 "$here/gen-workload.py" markdown "$n" "$w" && echo "$n" > "$w/N"; }
  local ours hugo eleventy
  ours=$(time_cmd "ours-md$n" "$w/out-ours" "$root/report-site" build -q --content "$w/report-site/content" \
    --templates "$w/report-site/templates" --static "$w/report-site/static" --out "$w/out-ours")
  hugo="NA NA"; eleventy="NA NA"
  if command -v hugo >/dev/null && [[ " $PEERS " == *" hugo "* ]]; then
    hugo=$(cd "$w/hugo" && time_cmd "hugo-md$n" "$w/out-hugo" hugo --quiet --source "$w/hugo" -d "$w/out-hugo")
  fi
  if [[ -x "$ELEVENTY" && " $PEERS " == *" eleventy "* ]]; then
    # Eleventy 3 finds directory data files only with a relative input folder: run it from the site folder
    eleventy=$(cd "$w/eleventy" && time_cmd "eleventy-md$n" "$w/out-eleventy" "$ELEVENTY" --quiet --input=. --output="$w/out-eleventy")
  fi
  local pages; pages=$(find "$w/out-ours" -name '*.html' | wc -l)
  echo "| Markdown, N = $n | ${ours% *} | ${ours#* } | ${hugo% *} | ${eleventy% *} | $(ratio "${ours% *}" "${hugo% *}") | $(ratio "${ours% *}" "${eleventy% *}") | $pages |"
}

report() {
  local w="$WORK/report-$TABLES-$ROWS"
  [[ -f "$w/N" && $(cat "$w/N") == "$TABLES $ROWS" ]] || { python3 "$here/gen-workload.py" report "$TABLES" "$ROWS" "$w" && echo "$TABLES $ROWS" > "$w/N"; }
  local ours; ours=$(time_cmd "ours-report-$TABLES-$ROWS" "$w/out-ours" "$root/report-site" build -q --content "$w/report-site/content" \
    --templates "$root/templates" --static "$root/static" --out "$w/out-ours")
  echo "| Report, T = $TABLES tables × R = $ROWS rows | ${ours% *} | ${ours#* } | – | – | – | – | $(find "$w/out-ours" -name '*.html' | wc -l), $(du -sb --apparent-size "$w/out-ours" | cut -f1) bytes |"
}

table() {
  local rows=$1
  local w="$WORK/table$rows"
  [[ -f "$w/N" && $(cat "$w/N") == "$rows" ]] || { python3 "$here/gen-workload.py" table "$rows" "$w" && echo "$rows" > "$w/N"; }
  local ours; ours=$(time_cmd "ours-table$rows" "$w/out-ours" "$root/report-site" build -q --content "$w/report-site/content" \
    --templates "$root/templates" --static "$root/static" --out "$w/out-ours")
  echo "| One table of $rows rows | ${ours% *} | ${ours#* } | – | – | – | – | $(find "$w/out-ours" -name '*.html' | wc -l) |"
}

load() { echo "# load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%MZ)" >&2; }

bundled() {
  local ours; ours=$(cd "$root" && time_cmd "ours-bundled" "$WORK/out-bundled" "$root/report-site" build -q --out "$WORK/out-bundled")
  echo "| Bundled report (content/) | ${ours% *} | ${ours#* } | – | – | – | – | $(find "$WORK/out-bundled" -name '*.html' | wc -l) |"
  if [[ -n "${BASELINE:-}" ]]; then
    # the same build by another jar (main's, say), in the same run: the JVM options of the launcher, no class-data archive
    local base; base=$(cd "$root" && time_cmd "baseline-bundled" "$WORK/out-baseline" env REPORT_SITE_JAR="$BASELINE" "$root/report-site" \
      build -q --templates "${BASELINE_ROOT:-$root}/templates" --static "${BASELINE_ROOT:-$root}/static" --out "$WORK/out-baseline")
    ours=$(cd "$root" && time_cmd "ours-bundled-noarchive" "$WORK/out-bundled" env REPORT_SITE_JAR="$root/target/report-site.jar" "$root/report-site" \
      build -q --out "$WORK/out-bundled")
    echo "| Bundled report, this jar without class-data archive | ${ours% *} | ${ours#* } | – | – | – | – | |"
    echo "| Bundled report, $BASELINE without class-data archive | ${base% *} | ${base#* } | – | – | – | – | |"
  fi
}

# Alternating, not one after the other: this machine's speed drifts by 10-20% within minutes, and the same drift on
# both sides of a pair leaves their ratio alone. REV is checked out beside the work (git worktree), built the first
# time by its own launcher, and left there for the next run (git worktree remove to drop it).
against() {
  local rev; rev=$(git -C "$root" rev-parse --short "${1:?revision}")
  local other="$WORK/checkout-$rev" times="$WORK/results/against-$rev.times"
  [[ -x "$other/report-site" ]] || git -C "$root" worktree add --quiet --detach -f "$other" "$rev"
  for dir in "$other" "$root"; do  # the jars and class-data archives made, outside the timed runs
    (cd "$dir" && ./report-site build -q --out "$WORK/out-against" >/dev/null 2>&1) || { echo "$dir does not build its report" >&2; exit 1; }
  done
  : > "$times"
  for _ in $(seq "$RUNS"); do
    for side in "$rev:$other" "this:$root"; do
      rm -rf "$WORK/out-against"
      (cd "${side#*:}" && /usr/bin/time -a -o "$times" -f "${side%%:*} %e %M %U %S" ./report-site build -q --out "$WORK/out-against" >/dev/null 2>&1)
    done
  done
  python3 - "$times" "$rev" "$RUNS" <<'PY'
import random, statistics, sys
times, rev, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
t = {"this": [], rev: []}
for line in open(times):
    side, wall, kb, user, sys_ = line.split()
    t[side].append((float(wall), int(kb), float(user) + float(sys_)))
med = {k: statistics.median(w for w, _, _ in v) for k, v in t.items()}
mem = {k: statistics.median(m for _, m, _ in v) / 1024 for k, v in t.items()}

def paired(i):
    """The median of the pairs' ratios, and a 95% interval for it (bootstrap over the pairs, fixed seed)."""
    ratios = [a[i] / b[i] for a, b in zip(t["this"], t[rev])]
    rnd = random.Random(1)
    boot = sorted(statistics.median(rnd.choices(ratios, k=len(ratios))) for _ in range(4000))
    return statistics.median(ratios), boot[100], boot[3899]

wall, cpu = paired(0), paired(2)
print("| Bundled report, this checkout | %.3f | %.0f | – | – | – | – | |" % (med["this"], mem["this"]))
print("| Bundled report, %s | %.3f | %.0f | – | – | – | – | |" % (rev, med[rev], mem[rev]))
print("| this ÷ %s: ratio of the medians %.2f×; median of the %d pairs' ratios %.3f× (95%% interval %.3f–%.3f), of their processor time %.3f× (%.3f–%.3f) | | | | | | | |"
      % (rev, med["this"] / med[rev], runs, *wall, *cpu))
PY
}

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), runs=$RUNS warmup=$WARMUP, work=$WORK ($(stat -f -c %T "$WORK"))" >&2
command -v hugo >/dev/null && echo "# $(hugo version | cut -d' ' -f1-2)" >&2
[[ -x "$ELEVENTY" ]] && echo "# eleventy $("$ELEVENTY" --version) (node $(node --version))" >&2
echo "| workload | report-site wall s | peak MB | Hugo wall s | Eleventy wall s | ÷ Hugo | ÷ Eleventy | pages |"
echo "|---|---|---|---|---|---|---|---|"
load
case "${1:-all}" in
  markdown) markdown "${2:?size}" ;;
  report) report ;;
  table) table "${2:?rows}" ;;
  bundled) bundled ;;
  against) against "${2:?revision}" ;;
  all) for n in $SIZES; do markdown "$n"; done; report; bundled ;;
  scale)
    RUNS=$RUNS_LARGE; WARMUP=0; PEERS=$PEERS_LARGE
    for n in 20000 100000; do markdown "$n"; load; done
    for t in 1000 3000; do TABLES=$t; report; load; done
    for r in 10000 40000; do table "$r"; load; done ;;
  *) echo "usage: bench/run.sh [markdown N | report | table R | bundled | against REV | scale]" >&2; exit 2 ;;
esac
load
