#!/bin/sh
# The web app driven as a person uses it (drive.cpp), in headless Chromium through ChromeDriver:
# the server started on a free loopback port with a copy of the rules of the workbook tests
# (tests/golden/data/rules) and no data offered, ChromeDriver on another; the workbook of
# tests/golden/data/xlsx_problems is uploaded through the page.
#   drive.sh NTM DRIVE CHROMIUM CHROMEDRIVER SOURCE_DIR OUTDIR
set -eu
ntm=$1 drive=$2 chromium=$3 chromedriver=$4 src=$5 out=$6
rm -rf "$out"
mkdir -p "$out/rules" "$out/home" "$out/shots"
cp "$src/tests/golden/data/rules/"*.ntm "$out/rules/"
cp "$src/tests/golden/data/xlsx_problems/du-lieu.xlsx" "$out/du-lieu.xlsx"

cd "$out"
export HOME="$out/home"
"$ntm" serve --rules rules --units none --port 0 2>serve.log &
server=$!
"$chromedriver" --port=0 >driver.log 2>&1 &
driver=$!
trap 'kill $server $driver 2>/dev/null || true' EXIT
app_port=$("$src/scripts/serve-port.sh" serve.log)
driver_port=""
for _ in $(seq 1 100); do
    driver_port=$(sed -n 's/.*started successfully on port \([0-9]*\).*/\1/p' driver.log)
    [ -n "$driver_port" ] && break
    sleep 0.1
done
[ -n "$driver_port" ] || { echo "chromedriver did not start:"; cat driver.log; exit 1; }
echo "app on $app_port, chromedriver on $driver_port"

rc=0
"$drive" "$driver_port" "$app_port" "$chromium" "$out/du-lieu.xlsx" "$out/rules/tieu-chi.ntm" "$out/shots" || rc=$?
kill $server $driver 2>/dev/null || true
wait $server 2>/dev/null || true
trap - EXIT
if [ "$rc" -ne 0 ]; then echo "--- serve.log"; cat serve.log; exit "$rc"; fi
# Nothing left behind by the server.
[ ! -e .ntm-serve ] || { echo ".ntm-serve was left behind"; ls -R .ntm-serve; exit 1; }
