#!/usr/bin/env bash
# Regenerates the datasets of fixtures/ with `ntm generate` (docs/generate.md), against the
# rules as they are: Quảng Nam 2022-2024 (CSV and JSON) and Huyện Triệu Sơn 2020-2024, each
# from the scenario beside it.  Checks each file with `ntm validate` afterwards.
#
# Usage: scripts/make_fixtures.sh [NTM]
#   NTM    the ntm program (default: build/release/cli/ntm, built if missing)
#   UNITS  the administrative units file (default: ../shared/data/vn-admin-units.csv)
set -euo pipefail
cd "$(dirname "$0")/.."

ntm=${1:-build/release/cli/ntm}
units=${UNITS:-../shared/data/vn-admin-units.csv}
if [[ ! -x $ntm && $ntm == build/release/cli/ntm ]]; then
    cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
    cmake --build build/release -j "$(nproc)" --target ntm
fi
if [[ ! -f $units ]]; then
    echo "error: no units file at '$units'; set UNITS to the path of vn-admin-units.csv" >&2
    exit 2
fi

generate() {  # OUT SCENARIO SELECTION... : writes OUT, then validates it
    local out=$1 scenario=$2
    shift 2
    "$ntm" generate --rules rules/ --units "$units" "$@" --seed 1 --scenario "$scenario" --out "$out"
    "$ntm" validate --rules rules/ --data "$out" >/dev/null
}

qn=fixtures/quang-nam
generate $qn/quang-nam.csv $qn/quang-nam.scenario --province 49 --years 2022-2024
generate $qn/quang-nam.json $qn/quang-nam.scenario --province 49 --years 2022-2024

ts=fixtures/thanh-hoa/trieu-son
generate $ts/trieu-son.csv $ts/trieu-son.scenario --district 397 --years 2020-2024
