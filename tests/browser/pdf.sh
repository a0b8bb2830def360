#!/bin/sh
# Prints the Quảng Nam report to PDF with the bundled frame (ntm report --format pdf, headless
# Chromium) and checks it: the page count in a range (compact commune sheets: about 160 A4 pages
# where full sheets take 328), the text of the frame (Quốc hiệu, tiêu ngữ, the
# date line, the signer), a commune, a page number alone in the top margin, and that a second
# print gives the same bytes.
#   pdf.sh NTM RULES DATA FRAME OUTDIR
set -eu
ntm=$1 rules=$2 data=$3 frame=$4 out=$5
mkdir -p "$out"
pdf="$out/bao-cao.pdf" again="$out/bao-cao-2.pdf" text="$out/bao-cao.txt"
rm -f "$pdf" "$again" "$text"

run() {  # run OUT
    "$ntm" report --rules "$rules" --data "$data" --year 2024 --format pdf --frame "$frame" --out "$1" \
        2>"$out/ntm.log" || { echo "ntm report --format pdf failed:"; cat "$out/ntm.log"; exit 1; }
}
run "$pdf"
[ "$(head -c 4 "$pdf")" = "%PDF" ] || { echo "$pdf is not a PDF"; exit 1; }
pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
echo "pages: $pages"
if [ "$pages" -lt 150 ] || [ "$pages" -gt 250 ]; then echo "page count $pages outside 150-250"; exit 1; fi
pdfinfo "$pdf" | grep -q "^Page size: *594.* x 841.* (A4)" || { echo "not A4:"; pdfinfo "$pdf"; exit 1; }
pdfinfo "$pdf" | grep -q "^CreationDate: *Fri Dec  4 17:00:00 2026 UTC" || {
    echo "the creation date is not the document's (05/12/2026, 00:00 +07):"; pdfinfo "$pdf"; exit 1; }

pdftotext -layout "$pdf" "$text"
expect() {  # expect WHAT
    grep -q -- "$1" "$text" || { echo "not in the PDF's text: $1"; exit 1; }
}
expect "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
expect "Độc lập - Tự do - Hạnh phúc"
expect "Tam Kỳ, ngày 05 tháng 12 năm 2026"
expect "Số: 125/BC-VPĐP"
expect "Nơi nhận:"
expect "Nguyễn Văn An"
expect "Xã Tam Phước (20380)"
# Page 2 begins with its number, alone on the line (the top margin); page 1 has none.
[ "$(pdftotext -f 2 -l 2 "$pdf" - | sed -n 1p)" = "2" ] || { echo "no page number 2 at the top of page 2"; exit 1; }
[ "$(pdftotext -f 1 -l 1 "$pdf" - | sed -n 1p)" != "1" ] || { echo "page 1 shows its number"; exit 1; }
# The rule-file paths are left out of the printed sheets.
if grep -q "xa-nang-cao.ntm:" "$text"; then echo "a rule-file path is printed"; exit 1; fi

run "$again"
cmp "$pdf" "$again" || { echo "two prints of the same report differ"; exit 1; }
echo "ok: $pdf"
