#!/bin/sh
# Renders the HTML report in headless Chromium, to a screenshot and to an A4 PDF, and checks
# that Chromium succeeded and both files were written and are not empty.
#   render.sh NTM CHROMIUM RULES DATA OUTDIR
set -eu
ntm=$1 chromium=$2 rules=$3 data=$4 out=$5
mkdir -p "$out"
html="$out/bao-cao.html" png="$out/bao-cao.png" pdf="$out/bao-cao.pdf"
rm -f "$html" "$png" "$pdf"

"$ntm" report --rules "$rules" --data "$data" --format html --out "$html" 2>"$out/ntm.log" || {
    echo "ntm report failed:"; cat "$out/ntm.log"; exit 1; }

# Chromium needs a writable home for its profile; keep it inside OUTDIR.
export HOME="$out/home"
mkdir -p "$HOME"
flags="--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions --user-data-dir=$out/profile"

check() {  # check WHAT FILE RC
    if [ "$3" -ne 0 ]; then echo "chromium $1 exited with $3"; cat "$out/chromium-$1.log"; exit 1; fi
    if [ ! -s "$2" ]; then echo "chromium $1 wrote no $2"; cat "$out/chromium-$1.log"; exit 1; fi
    echo "$1: $2 ($(wc -c <"$2") bytes)"
}

rc=0
"$chromium" $flags --screenshot="$png" --window-size=1280,2000 "file://$html" >"$out/chromium-screenshot.log" 2>&1 || rc=$?
check screenshot "$png" "$rc"

rc=0
"$chromium" $flags --no-pdf-header-footer --print-to-pdf="$pdf" "file://$html" >"$out/chromium-pdf.log" 2>&1 || rc=$?
check pdf "$pdf" "$rc"

# The page loads without script errors, and the browser's own DOM holds the report.
rc=0
"$chromium" $flags --enable-logging=stderr --v=0 --dump-dom "file://$html" >"$out/dom.html" 2>"$out/chromium-dom.log" || rc=$?
check dom "$out/dom.html" "$rc"
if grep -q "Uncaught" "$out/chromium-dom.log"; then echo "script error in the page:"; grep "Uncaught" "$out/chromium-dom.log"; exit 1; fi
grep -q "<svg" "$out/dom.html" || { echo "no chart (svg) in the rendered page"; exit 1; }

# A PNG starts with its signature, a PDF with %PDF.
[ "$(head -c 4 "$png" | tail -c 3)" = "PNG" ] || { echo "$png is not a PNG"; exit 1; }
[ "$(head -c 4 "$pdf")" = "%PDF" ] || { echo "$pdf is not a PDF"; exit 1; }
