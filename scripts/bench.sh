#!/usr/bin/env bash
# The benchmark of NTM Rules, in one command (docs/performance.md says how to read it):
#
#   scripts/bench.sh [--quick] [--no-1m]
#
# Installs what is missing (scripts/setup.sh --with-bench), builds Release with the benchmark in
# build/bench, generates the national data of 2024 and its scale-ups to 100 000 and 1 000 000
# communes, each as CSV and as JSON, in build/bench-data/ (kept for the next run), then prints
# one table: per workload and phase, ntm's figure, the hand-written limit's (bench/limit.hpp)
# measured in the same run, and how many times the limit does better.  --quick: the national
# file only; --no-1m: no million.  Every command runs under a time and a memory cap
# (NTM_BENCH_TIMEOUT seconds, default 900; NTM_BENCH_MEMORY_GB, default 20): one over it is
# reported so, never waited for.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
million=1
for arg in "$@"; do
  case "$arg" in
    --quick) quick=1 ;;
    --no-1m) million=0 ;;
    -h | --help) sed -n '2,14p' "$0" | cut -c3-; exit 0 ;;
    *) echo "bench.sh: unknown option '$arg' (--quick, --no-1m)" >&2; exit 2 ;;
  esac
done

scripts/setup.sh --with-bench
build=build/bench
data=build/bench-data
year=2024
timeout_s=${NTM_BENCH_TIMEOUT:-900}
memory_kb=$(( ${NTM_BENCH_MEMORY_GB:-20} * 1024 * 1024 ))
jobs=${NTM_BENCH_JOBS:-$(nproc)}
threads=$(nproc)
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

echo "== build: Release, with the benchmark, in $build" >&2
mkdir -p build "$data"
log=build/bench-build.log
if ! { cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DNTM_BENCH=ON \
         "${launcher[@]}" &&
       cmake --build "$build" -j "$jobs" --target ntm ntm_bench ntm_bench_limit ntm_bench_scale; } >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  echo "bench.sh: the build failed; its log is $log" >&2
  exit 1
fi
ntm=$build/cli/ntm
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== data in $data" >&2
for ext in csv json; do
  [ -s "$data/national.$ext" ] ||
    "$ntm" generate --rules rules/ --years "$year" --seed 1 --out "$data/national.$ext" >&2
done
workloads=(national)
if [ "$quick" = 0 ]; then
  workloads+=(100k)
  [ "$million" = 1 ] && workloads+=(1m)
fi
for w in "${workloads[@]}"; do
  case "$w" in 100k) n=100000 ;; 1m) n=1000000 ;; *) continue ;; esac
  [ -s "$data/$w.csv" ] || "$build/bench/ntm_bench_scale" "$data/national.csv" "$n" "$data/$w.csv" >&2
  # The same communes as a JSON data file, for the JSON reader's figure.
  [ -s "$data/$w.json" ] || "$build/bench/ntm_bench" --to-json "$data/$w.csv" "$data/$w.json" rules >&2
done

# measure OUT CMD...: one run under the caps; prints "SECONDS PEAK_KB", or why there is none.
# ntm's exit 1 (problems in the data, results printed) counts as a run.
measure() {
  local out=$1; shift
  local rc=0
  ( ulimit -v "$memory_kb"; exec timeout "$timeout_s" /usr/bin/time -f "%e %M" -o "$tmp/time" "$@" ) \
    >"$out" 2>"$tmp/err" || rc=$?
  if [ "$rc" = 124 ]; then echo "over-time"
  elif [ "$rc" -gt 1 ] && grep -qiE "memory|bộ nhớ|bad_alloc|Cannot allocate" "$tmp/err"; then echo "over-memory"
  elif [ "$rc" -gt 1 ]; then echo "failed($rc)"
  else tail -n 1 "$tmp/time"; fi
}

# The limit, on huge pages as ntm is (cli/malloc_conf.cpp asks jemalloc for them; glibc's malloc
# asks for them under this tunable): the two sides are measured on the same kind of memory.
limit=(env GLIBC_TUNABLES=glibc.malloc.hugetlb=1 "$build/bench/ntm_bench_limit")

# median3 CMD...: the median time and peak memory of three runs (one when it takes over 2 min).
median3() {
  local runs=() first
  # The output is thrown away: the million's JSON (83 GB) would not fit on the disk.
  first=$(measure /dev/null "$@")
  case "$first" in over-* | failed*) echo "$first"; return ;; esac
  runs+=("$first")
  if awk -v t="${first%% *}" 'BEGIN { exit !(t < 120) }'; then
    runs+=("$(measure /dev/null "$@")" "$(measure /dev/null "$@")")
  fi
  printf '%s\n' "${runs[@]}" | sort -n | awk '{ t[NR] = $1; m[NR] = $2 } END { i = int((NR + 1) / 2); print t[i], m[i] }'
}

# The table: "| workload | phase | ntm | limit | limit does better by |".
rows=()
row() { rows+=("| $1 | $2 | $3 | $4 | $5 |"); }
ratio() {  # ratio A B: A/B with two decimals, or "—"
  awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.1f×", a / b; else printf "—" }'
}
num() { awk -v v="$1" -v d="${2:-1}" 'BEGIN { printf "%.*f", d, v }'; }
cap_word() {
  case "$1" in
    over-time) echo "over the cap (${timeout_s} s)" ;;
    over-memory) echo "over the cap (${NTM_BENCH_MEMORY_GB:-20} GB)" ;;
    *) echo "$1" ;;
  esac
}

for w in "${workloads[@]}"; do
  csv=$data/$w.csv
  json=$data/$w.json
  units=()
  official=1
  if [ "$w" != national ]; then units=(--units none); official=0; fi
  limits=(--limit data-file-size=64G --limit rows=100M)
  mb=$(awk -v b="$(stat -c %s "$csv")" 'BEGIN { printf "%.0f", b / 1e6 }')
  echo "== $w ($mb MB)" >&2

  # The limit, in process (medians of 5) and as a whole process.
  if ! "${limit[@]}" "$csv" "$year" "$threads" >"$tmp/limit" 2>"$tmp/err"; then
    cat "$tmp/err" >&2; exit 1
  fi
  lim() { awk -v k="$1" '$1 == k { print $2 }' "$tmp/limit"; }
  communes=$(sed -n 's/^checksum communes=\([0-9]*\).*/\1/p' "$tmp/limit")
  checksum=$(sed -n 's/^checksum //p' "$tmp/limit")
  limit_whole=$(median3 "${limit[@]}" "$csv" "$year" "$threads" --once)

  # ntm in process: Google Benchmark, checked against the limit's checksum before it starts.  The
  # outputs run apart, so that one over the caps loses its own figure only.
  : >"$tmp/bm.csv"
  bm_run() {  # bm_run FILTER CHECK NAME...: appends the figures, or each NAME over the cap
    local filter=$1 check=$2 r; shift 2
    r=$(NTM_BENCH_CSV=$csv NTM_BENCH_JSON=$json NTM_BENCH_YEAR=$year NTM_BENCH_OFFICIAL=$official \
        NTM_BENCH_LIMIT=$checksum NTM_BENCH_CHECK=$check \
        measure "$tmp/run.csv" "$build/bench/ntm_bench" --benchmark_format=csv "--benchmark_filter=$filter")
    if grep -q "CHECKSUMS DIFFER" "$tmp/err"; then
      cat "$tmp/err" >&2
      echo "bench.sh: ntm and the limit disagree on $csv: the figures would compare different work" >&2
      exit 1
    fi
    case "$r" in
      over-* | failed*)
        tail -n 3 "$tmp/err" >&2
        for n in "$@"; do echo "\"$n/real_time\",FAIL,$(cap_word "$r")" >>"$tmp/bm.csv"; done ;;
      *) cat "$tmp/run.csv" >>"$tmp/bm.csv" ;;
    esac
  }
  bm_run '-eval_json_out|report_html' 1 rules_load_check_compile data_load_csv data_load_json evaluate/1 \
    "evaluate/$threads" eval_text_out
  bm_run '^eval_json_out' 0 eval_json_out
  [ "$w" = national ] && bm_run '^report_html' 0 report_html
  bm() {  # bm NAME real_time|bytes|items
    awk -F, -v n="$1" -v f="$2" '{ gsub(/"/, "", $1) }
      $1 == n && $2 == "FAIL" { print $3; found = 1 }
      $1 == n && $2 != "FAIL" { if (f == "real_time") print $3; else if (f == "bytes") print $6; else print $7; found = 1 }
      END { if (!found) print "skipped" }' "$tmp/bm.csv"
  }
  is_num() { [[ "$1" =~ ^[0-9.e+-]+$ ]]; }
  show() { if is_num "$1"; then num "$1" "${2:-1}"; else echo "$1"; fi; }

  v=$(bm rules_load_check_compile/real_time real_time)
  row "$w" "rules: load, check, compile (ms)" "$(show "$v")" "— (compiled in)" "—"
  v=$(bm data_load_csv/real_time bytes)
  is_num "$v" && v=$(awk -v b="$v" 'BEGIN { print b / 1e6 }')
  l=$(awk -v b="$(lim bytes)" -v s="$(lim load_seconds)" 'BEGIN { print b / s / 1e6 }')
  row "$w" "data load, CSV (MB/s)" "$(show "$v")" "$(num "$l")" "$(ratio "$l" "$v")"
  v=$(bm data_load_json/real_time bytes)
  is_num "$v" && v=$(awk -v b="$v" 'BEGIN { print b / 1e6 }')
  row "$w" "data load, JSON (MB/s)" "$(show "$v")" "— (reads CSV only)" "—"
  for t in 1 "$threads"; do
    v=$(bm "evaluate/$t/real_time" items)
    key=evaln_seconds
    [ "$t" = 1 ] && key=eval1_seconds
    l=$(awk -v n="$communes" -v s="$(lim $key)" 'BEGIN { print n / s }')
    label="evaluation, 1 thread (communes/s)"
    [ "$t" = 1 ] || label="evaluation, all $t threads (communes/s)"
    row "$w" "$label" "$(show "$v" 0)" "$(num "$l" 0)" "$(ratio "$l" "$v")"
  done
  row "$w" "eval text out (ms)" "$(show "$(bm eval_text_out/real_time real_time)")" "—" "—"
  v=$(bm eval_json_out/real_time real_time)
  row "$w" "eval JSON out (ms)" "$(show "$v")" "—" "—"
  if [ "$w" = national ]; then
    row "$w" "report HTML (ms)" "$(show "$(bm report_html/real_time real_time)")" "—" "—"
  fi

  # ntm as a whole process.
  for format in text json; do
    r=$(median3 "$ntm" eval --rules rules/ --data "$csv" --year "$year" --format "$format" "${units[@]}" "${limits[@]}")
    case "$r" in
      over-* | failed*)
        row "$w" "ntm eval --format $format, whole process (s)" "$(cap_word "$r")" "—" "—" ;;
      *)
        lt=${limit_whole%% *}
        row "$w" "ntm eval --format $format, whole process (s)" "$(num "${r%% *}" 2)" "$(num "$lt" 2)" "$(ratio "${r%% *}" "$lt")"
        lm=${limit_whole##* }
        rm_=${r##* }
        row "$w" "peak RSS, eval $format (MB; × input of $mb MB)" \
          "$(num "$(awk -v k="$rm_" 'BEGIN { print k / 1024 }')" 0) ($(ratio "$(awk -v k="$rm_" 'BEGIN { print k / 1024 }')" "$mb"))" \
          "$(num "$(awk -v k="$lm" 'BEGIN { print k / 1024 }')" 0) ($(ratio "$(awk -v k="$lm" 'BEGIN { print k / 1024 }')" "$mb"))" \
          "$(ratio "$rm_" "$lm")" ;;
    esac
  done
done

echo
echo "NTM Rules benchmark, $(date -u +%Y-%m-%d), $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores"
echo
echo "| workload | phase | ntm | limit | limit better by |"
echo "|---|---|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
