#!/usr/bin/env bash
# Sets up, builds with warnings as errors, and runs every test; then runs them again in a
# build with AddressSanitizer and UndefinedBehaviorSanitizer.  The first build is the Release
# build (-O3) that scripts/run.sh makes, so a warning only the optimiser finds cannot come back
# unseen.  Last, each libFuzzer harness of fuzz/ runs for 60 s (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --with-browser --with-fuzz --with-bench
jobs=$(nproc)

build_and_test() {
  local dir=$1; shift
  cmake -S . -B "$dir" -G Ninja -DNTM_WERROR=ON -DNTM_REQUIRE_BROWSER=ON -DNTM_BENCH=ON "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
  ctest --test-dir "$dir" -j "$jobs" --output-on-failure
}

echo "== build and test, Release (-O3), warnings are errors"
build_and_test build/ci -DCMAKE_BUILD_TYPE=Release
echo "== build and test with address and undefined-behaviour sanitizers"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  build_and_test build/sanitize -DCMAKE_BUILD_TYPE=Debug -DNTM_SANITIZE=ON
echo "== fuzz each harness for 60 s (clang, libFuzzer)"
scripts/fuzz.sh 60
