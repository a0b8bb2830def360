#!/usr/bin/env bash
# Writes the screenshots of docs/web.md (docs/web/*.png): `ntm serve` on the bundled rules and
# Quảng Nam's data, each page of the web app in headless Chromium at 1366×768.
#   scripts/web-screenshots.sh [BUILD_DIR]     (default build/release; ntm built there)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
ntm="$root/${1:-build/release}/cli/ntm"
[ -x "$ntm" ] || { echo "no ntm at $ntm: build it first (scripts/run.sh)"; exit 2; }
chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || { echo "chromium not found: apt-get install chromium"; exit 2; }
work=$(mktemp -d)
trap 'kill "${server:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"
ln -s "$root/rules" rules  # the rule lines shown as rules/…, not by the path of this checkout
"$ntm" serve --rules rules --data "$root/fixtures/quang-nam/quang-nam.csv" --port 0 2>serve.log &
server=$!
port=$("$root/scripts/serve-port.sh" serve.log)
export HOME="$work/home"
mkdir -p "$HOME" "$root/docs/web"
for p in "tong-quan:#/" "xa:#/xa?cap-tren=518" "xa-20386:#/xa/20386" "tieu-chi:#/tieu-chi?ma=2" "so:#/so" \
         "luat:#/luat?tep=provinces/quang-nam/xa-ntm.ntm&tim=require%20%3E%3D%201&thay=require%20%3E%3D%202"; do
    name=${p%%:*} hash=${p#*:}
    "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$work/profile" \
        --virtual-time-budget=15000 --window-size=1366,768 --screenshot="$root/docs/web/$name.png" \
        "http://127.0.0.1:$port/$hash" >/dev/null 2>&1
    echo "docs/web/$name.png"
done
