#!/usr/bin/env bash
# Sets up, builds, and runs the main job on the bundled rules: checks every rule file.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF >/dev/null
cmake --build build/release -j "$(nproc)" --target ntm
echo "== ntm check rules/"
build/release/cli/ntm check --werror rules/
