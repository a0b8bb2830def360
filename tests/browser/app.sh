#!/bin/sh
# The web app of `ntm serve` in headless Chromium: the server started on a free loopback port with
# the golden rules of Phú Ninh and its data, each page rendered by the browser, its DOM checked
# for what the API gave, a screenshot of each kept.  The rule editor is opened on a copy of the
# rules with an error, and must show the diagnostic with its line and code.
#   app.sh NTM CHROMIUM SOURCE_DIR OUTDIR
set -eu
ntm=$1 chromium=$2 src=$3 out=$4
rm -rf "$out"
mkdir -p "$out/rules" "$out/home"
cp "$src/tests/golden/eval/phu_ninh/quy-dinh.ntm" "$out/rules/quy-dinh.ntm"
data="$src/tests/golden/eval/phu_ninh_csv/phu-ninh-2024.csv"

cd "$out"
"$ntm" serve --rules rules --data "$data" --units none --port 0 2>serve.log &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
port=$("$src/scripts/serve-port.sh" serve.log)
echo "serving on $port"

export HOME="$out/home"
flags="--headless --no-sandbox --disable-gpu --no-first-run --disable-extensions --user-data-dir=$out/profile"
flags="$flags --virtual-time-budget=15000 --window-size=1366,900"

page() {  # page NAME HASH: the DOM after the scripts ran, and a screenshot
    rc=0
    "$chromium" $flags --enable-logging=stderr --v=0 --dump-dom "http://127.0.0.1:$port/$2" >"$1.html" 2>"$1.log" || rc=$?
    if [ "$rc" -ne 0 ] || [ ! -s "$1.html" ]; then echo "chromium failed on $2 ($rc)"; cat "$1.log"; exit 1; fi
    if grep -q "Uncaught\|Refused to" "$1.log"; then echo "script error or blocked load on $2:"; grep "Uncaught\|Refused to" "$1.log"; exit 1; fi
    "$chromium" $flags --screenshot="$out/$1.png" "http://127.0.0.1:$port/$2" >"$1-shot.log" 2>&1 || { echo "no screenshot of $2"; exit 1; }
}
expect() {  # expect NAME TEXT
    grep -qF -- "$2" "$1.html" || { echo "page $1: '$2' not found"; exit 1; }
}

page tong-quan "#/"
expect tong-quan "Tổng quan năm 2024 — phu-ninh-2024.csv"
expect tong-quan "Xã: 9 đơn vị"
expect tong-quan "Vấn đề của dữ liệu: 2"
expect tong-quan "Báo cáo năm này"

page xa "#/xa"
expect xa "Tam Phước"
expect xa "20380"

page xa-20380 "#/xa/20380"
expect xa-20380 "Xã Tam Phước (20380) — năm 2024"
expect xa-20380 "Tiêu chí"
expect xa-20380 "Lời giải thích đầy đủ"
expect xa-20380 "Xã Tam Phước (mã 20380)"

page tieu-chi "#/tieu-chi"
expect tieu-chi "Một tiêu chí trên mọi xã, năm 2024"
expect tieu-chi "Đồng bằng sông Hồng: ≥ 100"  # what the set asks, from GET /api/v1/rules

page so "#/so"
expect so "Việc của các sở, năm 2024"

page luat "#/luat?tep=quy-dinh.ntm"
expect luat "0 lỗi, 0 cảnh báo trong 1 tệp"

# A change proposed by a link: nâng cao asks 60 % of village roads where it asked 90 %. The editor
# shows it unsaved, and its impact: Tam Phước (88 %) may then reach nâng cao.
page luat-de-xuat "#/luat?tep=quy-dinh.ntm&tim=require%20%3E%3D%2090&thay=require%20%3E%3D%2060"
expect luat-de-xuat "Đề xuất sửa"
expect luat-de-xuat "Nếu lưu: 1 thay đổi trong luật, 1 đơn vị đổi kết quả (năm 2024)"
expect luat-de-xuat "Tam Phước (20380)"
expect luat-de-xuat "có thể đạt: Xã đạt chuẩn nông thôn mới → Xã nông thôn mới nâng cao"
grep -q "require >= 90" rules/quy-dinh.ntm || { echo "the proposed change was saved"; exit 1; }

# A file with a mistake saved beside the rules (every request reads them from disk): the
# editor shows it with its place and code, and the overview says nothing is judged.
printf 'unit km "km"\nunit thieu "x" x\n' >rules/loi.ntm
page luat-loi "#/luat?tep=loi.ntm"
expect luat-loi "loi.ntm:2:"
expect luat-loi "lỗi [E0001] cần một khai báo"
page tong-quan-loi "#/"
expect tong-quan-loi "Bộ luật có lỗi"

kill $server
wait $server 2>/dev/null || true
trap - EXIT
# Nothing left behind by the server.
[ ! -e .ntm-serve ] || { echo ".ntm-serve was left behind"; ls -R .ntm-serve; exit 1; }
echo "every page rendered; screenshots in $out"
