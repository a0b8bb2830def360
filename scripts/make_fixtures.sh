#!/usr/bin/env bash
# Regenerates the datasets of fixtures/ against the rules as they are, with the official unit
# lists built into ntm (units/): with `ntm generate` (docs/generate.md), Quảng Nam 2022-2024 (CSV
# and JSON) and Huyện Triệu Sơn 2020-2024 on the map before 01/7/2025, each from the scenario
# beside it, and Thành phố Đà Nẵng and Thanh Hóa 2026 on the map since; with `ntm merge`
# (docs/merge.md), Quảng Nam 2024 carried into the communes of Thành phố Đà Nẵng.  Checks each
# file with `ntm validate` afterwards.
#
# Usage: scripts/make_fixtures.sh [NTM]
#   NTM    the ntm program (default: build/release/cli/ntm, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."

ntm=${1:-build/release/cli/ntm}
if [[ ! -x $ntm && $ntm == build/release/cli/ntm ]]; then
    cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
    cmake --build build/release -j "$(nproc)" --target ntm
fi

generate() {  # OUT SCENARIO SELECTION... : writes OUT, then validates it; SCENARIO may be empty
    local out=$1 scenario=$2
    shift 2
    "$ntm" generate --rules rules/ "$@" --seed 1 ${scenario:+--scenario "$scenario"} --out "$out"
    "$ntm" validate --rules rules/ --data "$out" >/dev/null
}

qn=fixtures/quang-nam
generate $qn/quang-nam.csv $qn/quang-nam.scenario --province 49 --years 2022-2024
generate $qn/quang-nam.json $qn/quang-nam.scenario --province 49 --years 2022-2024

ts=fixtures/thanh-hoa/trieu-son
generate $ts/trieu-son.csv $ts/trieu-son.scenario --district 397 --years 2020-2024

mkdir -p fixtures/da-nang
generate fixtures/da-nang/da-nang-2026.csv fixtures/da-nang/da-nang-2026.scenario --province 48 --years 2026
generate fixtures/thanh-hoa/thanh-hoa-2026.csv "" --province 38 --years 2026

# The merge's report goes beside the data it wrote.
"$ntm" merge --rules rules/ --data $qn/quang-nam.csv --year 2024 --out fixtures/da-nang/da-nang-2024-sap-nhap.csv \
    >fixtures/da-nang/da-nang-2024-sap-nhap.txt
"$ntm" validate --rules rules/ --data fixtures/da-nang/da-nang-2024-sap-nhap.csv >/dev/null
