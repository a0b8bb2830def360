#!/usr/bin/env bash
# Sets up, builds, and runs the main job on the bundled rules and fixtures: checks the rules,
# then evaluates the communes of Huyện Phú Ninh (Quảng Nam) for 2024 and explains one of them.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build/release -j "$(nproc)" --target ntm
ntm=build/release/cli/ntm

echo "== ntm check --werror rules/"
$ntm check --werror rules/
echo
echo "== ntm eval --rules rules/ --data fixtures/quang-nam/phu-ninh.csv --year 2024"
$ntm eval --rules rules/ --data fixtures/quang-nam/phu-ninh.csv --year 2024
echo
echo "== ntm explain --rules rules/ --data fixtures/quang-nam/phu-ninh.csv --year 2024 'Tam Phước'"
$ntm explain --rules rules/ --data fixtures/quang-nam/phu-ninh.csv --year 2024 "Tam Phước"
