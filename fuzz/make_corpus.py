#!/usr/bin/env python3
"""Writes the seed corpora of the fuzzers, fuzz/corpus/<harness>/, from files of the repository:

  rules     the bundled rules (rules/) and the rule files of the golden tests (tests/golden/)
  csv       the CSV files of tests/golden/data/ and a few of tests/golden/{eval,official}/, and the
            first lines of the fixtures
  json      the JSON files of tests/golden/ and the first entities of the Quảng Nam fixture
  evaluate  CSV files of the bundled rules' columns: tests/golden/{eval,official}/, the fixtures
  xlsx      the parts of the golden tests' workbooks (tests/golden/{data,xlsx}/) in the harness's
            layout (fuzz/xlsx.cpp), and the hostile ones of tests/golden/xlsx/ as whole archives

Seeds are named after where they come from.  Run it from anywhere after changing those files;
the corpora are replaced.  The fuzzers' own finds are not kept here (build/fuzz/corpus/ holds
them); inputs that crashed go to fuzz/regressions/ instead.
"""
import json
import pathlib
import shutil
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "fuzz" / "corpus"
MAX = 16 * 1024  # a seed larger than the fuzzers' -max_len would be cut

# The parts fuzz_xlsx reads from an input, in its order, and the line between them.
XLSX_PARTS = ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/workbook.xml",
              "xl/_rels/workbook.xml.rels", "xl/styles.xml", "_rels/.rels"]
XLSX_SEPARATOR = b"\n=====\n"

# Cases of tests/golden/official/ that cover the regions, the district level, urban units,
# keeping a level and the other sets.
OFFICIAL = ["btb_co_so", "dbscl_duy_tri_chuan", "dbsh_thieu_va_chua_dat", "dhntb_dbkk",
            "dhntb_lang_nghe_khong_ap_dung", "dnb_co_so", "huyen_2016_2020",
            "huyen_minh_long_dat_chuan", "huyen_mo_duc_co_thi_tran", "huyen_nghia_hanh_nang_cao",
            "tdmnpb_thieu_va_khong_dat_cung_tieu_chi", "thi_xa_an_nhon_50_nang_cao",
            "tn_dang_viet_dat", "xa_2016_nguong_2019", "xa_kieu_mau_dat", "xa_nang_cao_dat"]


def seed(harness, name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    (OUT / harness).mkdir(parents=True, exist_ok=True)
    (OUT / harness / name).write_bytes(data[:MAX])


def utf8(path):
    try:
        path.read_bytes().decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def first_lines(path, n):
    return b"".join(path.read_bytes().splitlines(keepends=True)[:n])


def golden_name(path):
    """tests/golden/data/bad_year/du-lieu.csv → data-bad_year.csv"""
    rel = path.relative_to(ROOT / "tests" / "golden")
    return "-".join(rel.parts[:-1]) + path.suffix if len(rel.parts) > 1 else rel.name


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    golden = ROOT / "tests" / "golden"

    for path in sorted((ROOT / "rules").rglob("*.ntm")):
        seed("rules", "rules-" + "-".join(path.relative_to(ROOT / "rules").parts), path.read_bytes())
    for path in sorted(golden.rglob("*.ntm")):
        seed("rules", "golden-" + "-".join(path.relative_to(golden).parts), path.read_bytes())

    for path in sorted((golden / "data").glob("*/*.csv")):
        if utf8(path):
            seed("csv", golden_name(path), path.read_bytes())
    for path in sorted((golden / "eval").glob("*/*.csv")):
        seed("csv", golden_name(path), path.read_bytes())
        seed("evaluate", golden_name(path), path.read_bytes())
    for case in OFFICIAL:
        path = golden / "official" / case / "du-lieu.csv"
        seed("evaluate", golden_name(path), path.read_bytes())
    for case in OFFICIAL[:4]:
        path = golden / "official" / case / "du-lieu.csv"
        seed("csv", golden_name(path), path.read_bytes())
    fixtures = [ROOT / "fixtures/quang-nam/phu-ninh.csv", ROOT / "fixtures/quang-nam/quang-nam.csv",
                ROOT / "fixtures/thanh-hoa/trieu-son/trieu-son.csv"]
    for path in fixtures:
        head = first_lines(path, 12)
        seed("csv", "fixture-" + path.name, head)
        seed("evaluate", "fixture-" + path.name, head)

    for path in sorted(golden.rglob("*.json")):
        seed("json", golden_name(path), path.read_bytes())
    whole = json.loads((ROOT / "fixtures/quang-nam/quang-nam.json").read_text(encoding="utf-8"))
    whole["entities"] = whole["entities"][:3]
    seed("json", "fixture-quang-nam.json", json.dumps(whole, ensure_ascii=False, indent=1))

    workbooks = sorted((golden / "data").glob("*/du-lieu.xlsx")) + sorted((golden / "xlsx").glob("*/du-lieu.xlsx"))
    for path in workbooks:
        name = golden_name(path)
        try:
            with zipfile.ZipFile(path) as z:
                names = set(z.namelist())
                parts = [z.read(p) if p in names else b"" for p in XLSX_PARTS]
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, OSError):
            parts = None  # encrypted, damaged or no archive: only the whole file below
        if parts is not None:
            seed("xlsx", name.replace(".xlsx", ".parts"), XLSX_SEPARATOR.join(parts))
        # The hostile workbooks as they are, and two of tests/golden/data/: a damaged archive
        # is read only when the input is one (fuzz/xlsx.cpp).
        if path.parent.parent.name == "xlsx" or name in ("data-xlsx_problems.xlsx", "data-error_xlsx_damaged.xlsx"):
            if path.read_bytes().startswith(b"PK\x03\x04"):
                seed("xlsx", name, path.read_bytes())


if __name__ == "__main__":
    main()
