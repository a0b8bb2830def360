#!/bin/sh
# What `ntm` does with its outputs, as a process: tests CTest runs from the top-level
# CMakeLists.txt, one case each.  A case runs ntm in a fresh temporary folder holding the rules
# and the CSV data of tests/golden/eval/phu_ninh*, and fails (exit 1, saying why) unless ntm
# exits as expected, prints exactly the expected error and leaves the files as they should be.
#
#   sh outputs.sh NTM SOURCE_DIR CASE
#
# full-disk       stdout on a full disk (/dev/full): an error and exit 2, not an abort
# closed-stdout   stdout closed: an error and exit 2
# out-of-memory   memory runs out (ulimit -v): an error saying what to do, and exit 2
# out-is-input    no output replaces an input (data, rule, units, scenario file), whatever its
#                 spelling: a symlink, a hard link, another path to the same file
# no-leftovers    every writer leaves its output and nothing else: no temporary file, after
#                 success or failure, and a failed run leaves the old output as it was
set -u
ntm=$1
src=$2
case=$3

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
cp -r "$src/tests/golden/eval/phu_ninh" rules
cp "$src/tests/golden/eval/phu_ninh_csv/phu-ninh-2024.csv" data.csv
cp data.csv data.orig

failed=0
fail() {
    echo "FAIL: $*"
    failed=1
}

# run EXIT LAST-STDERR-LINE ARGS...: runs ntm (stdout to ./out.txt), checks its exit code and
# the last line it printed to stderr.
run() {
    want_rc=$1
    want_err=$2
    shift 2
    "$ntm" --lang en "$@" >out.txt 2>err.txt
    check "$want_rc" "$want_err" "$*" $?
}

# check EXIT LAST-STDERR-LINE WHAT RC: the exit code and last stderr line of a run.
check() {
    got_err=$(tail -n 1 err.txt)
    if [ "$4" != "$1" ]; then fail "ntm $3: exit $4, expected $1"; fi
    if [ "$got_err" != "$2" ]; then fail "ntm $3: stderr ends with '$got_err', expected '$2'"; fi
}

# same FILE ORIGINAL: the file still holds what it held.
same() {
    if ! cmp -s "$1" "$2"; then fail "$1 was changed"; fi
}

# only DIR NAMES...: the folder holds these entries (dot files included) and nothing else.
only() {
    dir=$1
    shift
    want=$(printf '%s\n' "$@" | sort | tr '\n' ' ')
    got=$(ls -A "$dir" | sort | tr '\n' ' ')
    if [ "$got" != "$want" ]; then fail "$dir holds '$got', expected '$want'"; fi
}

rules="--rules rules"
data="--data data.csv"

case $case in
full-disk)
    for cmd in "eval $data $rules" "eval --format json $data $rules" "explain $data $rules 20365" \
               "validate $data $rules" "report --format md --out - $data $rules" \
               "report --format csv --out - $data $rules" "doc rules" "doc --format html rules"; do
        # shellcheck disable=SC2086
        "$ntm" --lang en $cmd >/dev/full 2>err.txt
        check 2 "error: cannot write the output: no space left on device" "$cmd > /dev/full" $?
    done
    ;;
closed-stdout)
    # shellcheck disable=SC2086
    "$ntm" --lang en eval $data $rules >&- 2>err.txt
    check 2 "error: cannot write the output: bad file descriptor" "eval >&-" $?
    ;;
out-of-memory)
    # Two million communes of one district, each line short: the records need far more memory
    # than the 300 MB the process may have.
    head -n 3 data.csv >big.csv
    awk 'BEGIN { for (i = 0; i < 2000000; i++) printf "%d,Xã %d,Xã,518,,2024,,,,80,,,,,\n", 1000000 + i, i }' >>big.csv
    (
        ulimit -v 300000
        # shellcheck disable=SC2086
        "$ntm" --lang en eval --data big.csv $rules >out.txt 2>err.txt
        check 2 "error: not enough memory: try a smaller file, --year to read one year, or a machine with more memory" \
            "eval (2 million records, ulimit -v 300000)" $?
        [ $failed -eq 0 ]
    ) || failed=1
    ;;
out-is-input)
    # The data file, under its own name, another spelling, a symlink and a hard link.
    run 2 "data.csv: error: --out would overwrite the data file 'data.csv'; write the output elsewhere" \
        report --format html --out data.csv $data $rules
    mkdir sub
    run 2 "sub/../data.csv: error: --out would overwrite the data file 'data.csv'; write the output elsewhere" \
        report --format md --out sub/../data.csv $data $rules
    ln -s data.csv link.html
    run 2 "link.html: error: --out would overwrite the data file 'data.csv'; write the output elsewhere" \
        report --format html --out link.html $data $rules
    ln data.csv hard.md
    run 2 "hard.md: error: --out would overwrite the data file 'data.csv'; write the output elsewhere" \
        report --format md --out hard.md $data $rules
    # A report into a folder: the file it would write there is the data file.
    mkdir html
    ln -s ../data.csv html/bao-cao-2024.html
    run 2 "html/bao-cao-2024.html: error: --out would overwrite the data file 'data.csv'; write the output elsewhere" \
        report --format html --out html $data $rules
    # CSV tables: one of them has the name of the data file.
    mkdir tables
    cp data.csv tables/tieu-chi.csv
    run 2 "tables/tieu-chi.csv: error: --out would overwrite the data file 'tables/tieu-chi.csv'; write the output elsewhere" \
        report --format csv --out tables --data tables/tieu-chi.csv $rules
    same tables/tieu-chi.csv data.orig
    only tables tieu-chi.csv
    same data.csv data.orig
    # A rule file.
    cp rules/quy-dinh.ntm rules.orig
    run 2 "rules/./quy-dinh.ntm: error: --out would overwrite the rule file 'rules/quy-dinh.ntm'; write the output elsewhere" \
        report --format md --out rules/./quy-dinh.ntm $data $rules
    run 2 "rules/quy-dinh.ntm: error: --out would overwrite the rule file 'rules/quy-dinh.ntm'; write the output elsewhere" \
        template --out rules/quy-dinh.ntm $rules
    ln -s quy-dinh.ntm rules/so-tay.md
    run 2 "rules/so-tay.md: error: --out would overwrite the rule file 'rules/quy-dinh.ntm'; write the output elsewhere" \
        doc --out rules/so-tay.md rules
    rm rules/so-tay.md
    same rules/quy-dinh.ntm rules.orig
    # A workbook over the workbook it reads.
    cp -r "$src/tests/golden/data/rules" xlsx-rules
    cp "$src/tests/golden/data/xlsx_sheet/du-lieu.xlsx" du-lieu.xlsx
    cp du-lieu.xlsx du-lieu.orig
    run 2 "du-lieu.xlsx: error: --out would overwrite the data file 'du-lieu.xlsx'; write the output elsewhere" \
        report --format xlsx --out du-lieu.xlsx --data du-lieu.xlsx --sheet "xã 2024" --rules xlsx-rules
    same du-lieu.xlsx du-lieu.orig
    # generate: the units file, the scenario, a rule file.
    printf '%s\n' "province_code,province,region,district_code,district,district_type,commune_code,commune,commune_type" \
        "49,Tỉnh Quảng Nam,DHNTB,518,Huyện Phú Ninh,Huyện,20365,Xã Tam Thành,Xã" >units.csv
    cp units.csv units.orig
    printf '# nothing asked\n' >kich-ban.txt
    cp kich-ban.txt kich-ban.orig
    gen="generate --units units.csv --years 2024 --scenario kich-ban.txt"
    # shellcheck disable=SC2086
    run 2 "units.csv: error: --out would overwrite the units file 'units.csv'; write the output elsewhere" \
        $gen --out units.csv $rules
    # shellcheck disable=SC2086
    run 2 "kich-ban.txt: error: --out would overwrite the scenario 'kich-ban.txt'; write the output elsewhere" \
        $gen --format csv --out kich-ban.txt $rules
    # shellcheck disable=SC2086
    run 2 "rules/quy-dinh.ntm: error: --out would overwrite the rule file 'rules/quy-dinh.ntm'; write the output elsewhere" \
        $gen --format csv --out rules/quy-dinh.ntm $rules
    same units.csv units.orig
    same kich-ban.txt kich-ban.orig
    same rules/quy-dinh.ntm rules.orig
    same data.csv data.orig
    ;;
no-leftovers)
    # Success: each output, and nothing else (exit 1: the data holds errors, a percentage of 140
    # and a duplicate record, yet the reports are written).
    mkdir out
    run 1 "wrote out/bao-cao.html" report --format html --out out/bao-cao.html $data $rules
    run 1 "wrote out/bao-cao.md" report --format md --out out/bao-cao.md $data $rules
    run 1 "wrote out/bao-cao.xlsx" report --format xlsx --out out/bao-cao.xlsx $data $rules
    run 1 "wrote 9 tables in out/bang" report --format csv --out out/bang $data $rules
    "$ntm" --lang en template --year 2024 --out out/mau.xlsx $rules >out.txt 2>err.txt || fail "template: exit $?"
    run 0 "wrote out/so-tay.html" doc --format html --out out/so-tay.html rules
    run 0 "wrote out/so-tay.md" doc --out out/so-tay.md rules
    only out bao-cao.html bao-cao.md bao-cao.xlsx bang mau.xlsx so-tay.html so-tay.md
    only out/bang loi-du-lieu.csv muc-tieu.csv phan-loai.csv phieu-xa-chi-tieu.csv phieu-xa.csv \
        tien-do-huyen.csv tieu-chi.csv tong-quan.csv viec-cua-so.csv
    # The same run again gives the same bytes, the workbooks included.
    for f in bao-cao.html bao-cao.md bao-cao.xlsx mau.xlsx; do cp "out/$f" "$f.first"; done
    run 1 "wrote out/bao-cao.xlsx" report --format xlsx --out out/bao-cao.xlsx $data $rules
    "$ntm" --lang en template --year 2024 --out out/mau.xlsx $rules >out.txt 2>err.txt || fail "template: exit $?"
    same out/bao-cao.xlsx bao-cao.xlsx.first
    same out/mau.xlsx mau.xlsx.first
    # Failure: a table that cannot be replaced (a folder has its name) stops the run before any
    # table is written; the tables already there stay as they were, and no temporary is left.
    printf 'old\n' >out/bang/tong-quan.csv
    rm out/bang/tieu-chi.csv
    mkdir out/bang/tieu-chi.csv
    run 2 "out/bang/tieu-chi.csv: error: cannot write the file: is a directory" \
        report --format csv --out out/bang $data $rules
    if [ "$(cat out/bang/tong-quan.csv)" != "old" ]; then fail "out/bang/tong-quan.csv was replaced"; fi
    only out/bang loi-du-lieu.csv muc-tieu.csv phan-loai.csv phieu-xa-chi-tieu.csv phieu-xa.csv \
        tien-do-huyen.csv tieu-chi.csv tong-quan.csv viec-cua-so.csv
    # A folder that is a file: nothing written, nothing left.
    run 2 "data.csv/bao-cao.html: error: cannot write the file: not a directory" \
        report --format html --out data.csv/bao-cao.html $data $rules
    run 2 "data.csv/bao-cao.xlsx: error: no such directory: data.csv" \
        report --format xlsx --out data.csv/bao-cao.xlsx $data $rules
    run 2 "data.csv/so-tay.md: error: cannot write the file: not a directory" doc --out data.csv/so-tay.md rules
    same data.csv data.orig
    only out bao-cao.html bao-cao.md bao-cao.xlsx bang mau.xlsx so-tay.html so-tay.md
    ;;
*)
    echo "unknown case '$case'"
    exit 2
    ;;
esac
exit $failed
