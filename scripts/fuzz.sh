#!/usr/bin/env bash
# Builds the libFuzzer harnesses of fuzz/ with clang in build/fuzz, replays the inputs that once
# crashed them (fuzz/regressions/<harness>/), then fuzzes each harness for SECONDS seconds:
#
#   scripts/fuzz.sh            each harness 60 s (what CI runs, scripts/test.sh)
#   scripts/fuzz.sh 3600       each harness an hour: the long run
#   scripts/fuzz.sh 600 csv    only the harnesses named (rules csv json xlsx evaluate)
#
# A crash, a hang (an input taking over 10 s), memory above 2 GB or a leak fails the script; the
# input is saved under build/fuzz/crashes/<harness>/ and printed with the command that replays
# it.  What the fuzzers find is kept in build/fuzz/corpus/<harness>/ for the next run; the seeds
# are fuzz/corpus/<harness>/ and the dictionaries fuzz/<harness>.dict (fuzz_evaluate uses
# csv.dict).  NTM_FUZZ_JOBS harnesses run at a time (default: the number of processors).
# docs/reliability.md tells more.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
if ! [[ $seconds =~ ^[0-9]+$ ]] || ((seconds == 0)); then
  echo "usage: scripts/fuzz.sh [SECONDS] [HARNESS...]" >&2
  exit 2
fi
(($#)) && shift
all=(rules csv json xlsx evaluate)
harnesses=("$@")
((${#harnesses[@]})) || harnesses=("${all[@]}")
for h in "${harnesses[@]}"; do
  if [[ " ${all[*]} " != *" $h "* ]]; then
    echo "fuzz: no harness '$h' (the harnesses: ${all[*]})" >&2
    exit 2
  fi
done

# The longest input each harness is given: a few pages of rules, a few hundred rows.
declare -A max_len=([rules]=16384 [csv]=16384 [json]=16384 [xlsx]=32768 [evaluate]=8192)
# fuzz_evaluate reads CSV too: it shares the CSV dictionary.
declare -A dict=([rules]=rules [csv]=csv [json]=json [xlsx]=xlsx [evaluate]=csv)
limits=(-timeout=10 -rss_limit_mb=2048)

scripts/setup.sh --with-fuzz
build=build/fuzz
jobs=${NTM_FUZZ_JOBS:-$(nproc)}
echo "== fuzz: build the harnesses (clang, libFuzzer, address and undefined-behaviour sanitizers)"
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNTM_FUZZ=ON -DNTM_WERROR=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target ntm_fuzzers

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
mkdir -p "$build/logs"

# The reproducer a failed run of harness $1 saved (from its log $2), with how to replay it.
report_crash() {
  local h=$1 log=$2 input
  input=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
  echo "fuzz_$h: FAILED; the log: $log"
  grep -E -A40 '^==[0-9]+==ERROR|runtime error:|^fuzz_[a-z]+: |ALARM|out-of-memory' "$log" | head -n 60 | sed 's/^/  /'
  if [ -n "$input" ]; then
    echo "fuzz_$h: reproducer $input"
    echo "fuzz_$h: replay with $build/fuzz/fuzz_$h $input"
    echo "fuzz_$h: keep it as a regression: cp $input fuzz/regressions/$h/NAME"
  fi
}

# Replays the regressions of harness $1: each input once, the first failure stops it.
replay() {
  local h=$1 log="$build/logs/$1-regressions.log"
  local inputs=(fuzz/regressions/"$h"/*)
  [ -e "${inputs[0]}" ] || return 0
  if ! "$build/fuzz/fuzz_$h" "${limits[@]}" "${inputs[@]}" >"$log" 2>&1; then
    local failed
    failed=$(sed -n 's/^Running: \(.*\)$/\1/p' "$log" | tail -n 1)
    echo "fuzz_$h: regression ${failed:-?} fails again; the log: $log"
    grep -E -A40 '^==[0-9]+==ERROR|runtime error:|^fuzz_[a-z]+: ' "$log" | head -n 60 | sed 's/^/  /'
    return 1
  fi
  echo "fuzz_$h: ${#inputs[@]} regressions pass"
}

# Fuzzes harness $1 for $seconds seconds.
fuzz() {
  local h=$1 log="$build/logs/$1.log"
  mkdir -p "$build/corpus/$h" "$build/crashes/$h"
  if ! "$build/fuzz/fuzz_$h" "${limits[@]}" -max_len="${max_len[$h]}" -max_total_time="$seconds" \
      -dict="fuzz/${dict[$h]}.dict" -artifact_prefix="$build/crashes/$h/" -print_final_stats=1 \
      "$build/corpus/$h" "fuzz/corpus/$h" >"$log" 2>&1; then
    report_crash "$h" "$log"
    return 1
  fi
  local runs corpus
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  corpus=$(find "$build/corpus/$h" -type f | wc -l)
  echo "fuzz_$h: ${seconds} s, ${runs:-?} runs, no crash (corpus: $corpus inputs)"
}

failed=()
echo "== fuzz: replay fuzz/regressions/"
for h in "${harnesses[@]}"; do
  replay "$h" || failed+=("$h")
done
if ((${#failed[@]})); then
  echo "fuzz: regressions fail again: ${failed[*]}" >&2
  exit 1
fi

echo "== fuzz: each harness for $seconds s, $jobs at a time"
# Each run writes what it found to logs/HARNESS.summary, shown in order once all have ended.
for h in "${harnesses[@]}"; do
  while (($(jobs -rp | wc -l) >= jobs)); do wait -n || true; done
  rm -f "$build/logs/$h.failed"
  { fuzz "$h" || touch "$build/logs/$h.failed"; } >"$build/logs/$h.summary" &
done
wait
for h in "${harnesses[@]}"; do
  cat "$build/logs/$h.summary"
  [ -e "$build/logs/$h.failed" ] && failed+=("$h")
done
if ((${#failed[@]})); then
  echo "fuzz: failed: ${failed[*]}; the inputs are in $build/crashes/" >&2
  exit 1
fi
echo "fuzz: no crash, hang or memory blow-up in ${harnesses[*]}"
