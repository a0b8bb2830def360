#!/usr/bin/env bash
# Sets up, builds, and runs the main job on the bundled rules and fixtures: checks the rules,
# evaluates the province of Quảng Nam for 2024, explains one commune, and writes the HTML
# report of the province (and its PDF, with the official frame, where Chromium is installed);
# then the present: carries Quảng Nam 2024 into the communes of today's
# Thành phố Đà Nẵng (two tiers since 01/7/2025), explains one of them, and judges Đà Nẵng 2026
# by the 2026-2030 rules (QĐ 51/2025/QĐ-TTg, commune groups); last, what changes with them: the
# rule tests, the impact of QĐ 51/2025 on Đà Nẵng's communes, the handbook of the new set.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
# The compiler's output goes to a log, shown only if the build fails (the test script builds
# this configuration with warnings as errors, so there are none to hide).
echo "== dựng ntm (Release; lần đầu mất vài phút)"
mkdir -p build
log=build/release-build.log
if ! { cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF &&
       cmake --build build/release -j "$(nproc)" --target ntm; } >"$log" 2>&1; then
  tail -n 60 "$log"
  echo "lỗi: dựng không thành công; toàn bộ nhật ký ở $log" >&2
  exit 1
fi
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
echo "Báo cáo tỉnh Quảng Nam năm 2024: $report (mở bằng trình duyệt; in được trên khổ A4)"
# The same report to sign and send: the official frame of docs/examples/khung-bao-cao.txt, printed
# to an A4 PDF by headless Chromium (scripts/setup.sh --with-browser installs it).
pdf=build/report/bao-cao-quang-nam-2024.pdf
if command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1; then
  echo "== ntm report ... --format pdf --frame docs/examples/khung-bao-cao.txt --out $pdf"
  $ntm report --rules rules/ --data "$data" --year 2024 --format pdf --frame docs/examples/khung-bao-cao.txt --out "$pdf"
  echo "Báo cáo có khung văn bản, để ký và gửi: $pdf"
else
  echo "(không có Chromium nên không in PDF; cài bằng: apt-get install chromium)"
fi
echo
merged=build/report/da-nang-2024-sap-nhap.csv
merge_text=build/report/da-nang-2024-sap-nhap.txt
echo "== ntm merge --rules rules/ --data $data --year 2024 --out $merged"
$ntm merge --rules rules/ --data "$data" --year 2024 --out "$merged" >"$merge_text"
# The summary, up to the list of every new unit (the whole text is in $merge_text).
sed '/^TỪNG ĐƠN VỊ MỚI/q' "$merge_text" | head -n -1
echo "(từng đơn vị mới, các phần hợp thành và căn cứ quyết định: $merge_text)"
echo
echo "== ntm explain --rules rules/ --data $merged --year 2024 'Tây Hồ'"
$ntm explain --rules rules/ --data "$merged" --year 2024 "Tây Hồ"
echo
data2026=fixtures/da-nang/da-nang-2026.csv
echo "== ntm eval --rules rules/ --data $data2026 --year 2026"
$ntm eval --rules rules/ --data "$data2026" --year 2026
echo
echo "== ntm explain --rules rules/ --data $data2026 --year 2026 'Tây Hồ'"
$ntm explain --rules rules/ --data "$data2026" --year 2026 "Tây Hồ"
echo
echo "== when the criteria change: the rule tests beside rules/ (ntm test rules/)"
$ntm test rules/ | grep -v '^  ✓'
echo
diff_html=build/report/so-sanh-qd318-qd51-da-nang.html
echo "== ntm diff rules/ --old-set xa_ntm_2021 --new-set xa_ntm_2026 --data $data2026 --list 3"
# The impact on Đà Nẵng's communes (the changes to the rules, and every commune, are in $diff_html).
$ntm diff rules/ --old-set xa_ntm_2021 --new-set xa_ntm_2026 --data "$data2026" --list 3 | sed -n '/^Tác động/,$p'
$ntm diff rules/ --old-set xa_ntm_2021 --new-set xa_ntm_2026 --data "$data2026" --format html --out "$diff_html"
echo "QĐ 51/2025 thay đổi những gì, với những xã nào của Đà Nẵng: $diff_html"
handbook=build/report/so-tay-bo-tieu-chi-xa-2026-2030.html
$ntm doc rules/ --set xa_ntm_2026 --format html --out "$handbook"
echo "Sổ tay bộ tiêu chí xã giai đoạn 2026-2030, để in: $handbook"
