#!/usr/bin/env bash
# Sets up, builds, and runs the main job on the bundled rules and fixtures: checks the rules,
# evaluates the province of Quảng Nam for 2024, explains one commune, and writes the HTML
# report of the province.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build/release -j "$(nproc)" --target ntm
ntm=build/release/cli/ntm
data=fixtures/quang-nam/quang-nam.csv
report=build/report/bao-cao-quang-nam-2024.html

echo "== ntm check --werror rules/"
$ntm check --werror rules/
echo
echo "== ntm eval --rules rules/ --data $data --year 2024"
$ntm eval --rules rules/ --data "$data" --year 2024
echo
echo "== ntm explain --rules rules/ --data $data --year 2024 'Tam Phước'"
$ntm explain --rules rules/ --data "$data" --year 2024 "Tam Phước"
echo
echo "== ntm report --rules rules/ --data $data --year 2024 --format html --out $report"
mkdir -p "$(dirname "$report")"
$ntm report --rules rules/ --data "$data" --year 2024 --format html --out "$report"
echo "The report of Quảng Nam, 2024: $report (open it in a browser; it prints on A4)"
