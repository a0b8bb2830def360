#!/usr/bin/env python3
"""Writes fixtures/quang-nam/phu-ninh.csv: Huyện Phú Ninh (Quảng Nam) and its nine communes,
2023 and 2024, with values for every input of rules/ — plausible, not real, and chosen so that
the situations policy staff meet appear: communes that reach the standard, one refused for low
satisfaction, one with missing data, one that no longer maintains its 2019 recognition, one
under 15 criteria, one with a craft village.  Deterministic: no randomness.

Usage: scripts/make_phu_ninh_fixture.py > fixtures/quang-nam/phu-ninh.csv
"""
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

def indicators():
    """(code, unit, comparator, computed) of every indicator of the commune set."""
    text = (ROOT / "rules/national/2021-2025/xa-ntm.ntm").read_text(encoding="utf-8")
    out = []
    for code, body in re.findall(r'indicator ([\d.]+) "(?:[^"\\]|\\.)*" \{(.*?)\n      \}', text, re.S):
        unit = re.search(r"unit (\w+)", body).group(1)
        cmp = re.findall(r"require (\S+)", body)[0]
        out.append((code, unit, cmp, re.search(r"\n\s*value ", body) is not None))
    return out

def good_value(unit, cmp):
    if unit == "yesno":
        return "đạt"
    if unit == "count":
        return "0"
    if unit == "trieu_dong":
        return "62,5"
    if unit == "m2_nguoi":
        return "4"
    return "0" if cmp == "<=" else "100"

FIELDS = {
    "dtts_mien_nui": "không", "xa_dbkk": "không", "xa_atk": "không", "huyen_ngheo": "không",
    "huyen_thoat_ngheo": "không", "co_lang_nghe": "không", "so_truong": "4",
    "so_truong_dat_toi_thieu": "4", "so_truong_muc_do_1": "3", "ty_le_tre_6_tuoi_vao_lop_1": "99,5",
    "dat_pcgd_mam_non_5_tuoi": "có", "muc_do_pcgd_tieu_hoc": "3", "muc_do_pcgd_thcs": "2",
    "muc_do_xoa_mu_chu": "2", "hai_long": "94", "no_dong_xdcb": "không",
}

# (code, name, recognised, changes per year)
COMMUNES = [
    ("20365", "Tam Thành", "dat_chuan:2019", {}),
    ("20368", "Tam An", "dat_chuan:2020", {2023: {"10": "50,1"}}),
    ("20374", "Tam Đàn", "", {2024: {"hai_long": "84,5"}}),
    ("20377", "Tam Lộc", "", {2024: {"17.1": ""}}),
    ("20380", "Tam Phước", "dat_chuan:2019", {2024: {"2.2": "62", "17.10": "25"}}),
    ("20386", "Tam Thái", "", {y: {"2.2": "40", "3.1": "60", "4.2": "90", "9.2": "60", "11": "9,5",
                                   "12.1": "45", "16": "55", "17.7": "50", "17.8": "60", "10": "38"}
                               for y in (2023, 2024)}),
    ("20387", "Tam Đại", "dat_chuan:2021", {}),
    ("20392", "Tam Dân", "dat_chuan:2018", {y: {"co_lang_nghe": "có", "13.4": "đạt"} for y in (2023, 2024)}),
    ("20395", "Tam Lãnh", "", {y: {"dtts_mien_nui": "có", "15.3": "26", "17.1": "41"} for y in (2023, 2024)}),
]

def main():
    inds = [i for i in indicators() if not i[3]]
    columns = ["mã", "tên", "loại", "mã cấp trên", "vùng", "năm", "công nhận"] + list(FIELDS) + [i[0] for i in inds]
    w = csv.writer(sys.stdout, lineterminator="\r\n")
    w.writerow(columns)
    blank = [""] * (len(columns) - 7)
    w.writerow(["49", "Tỉnh Quảng Nam", "Tỉnh", "", "DHNTB", "2024", ""] + blank)
    w.writerow(["518", "Huyện Phú Ninh", "Huyện", "49", "", "2024", ""] + blank)
    for year in (2023, 2024):
        for code, name, recognised, changes in COMMUNES:
            row = {"mã": code, "tên": name, "loại": "Xã", "mã cấp trên": "518", "vùng": "", "năm": str(year),
                   "công nhận": recognised}
            row.update(FIELDS)
            for c, unit, cmp, _ in inds:
                row[c] = good_value(unit, cmp)
            row.update(changes.get(year, {}))
            w.writerow([row[c] for c in columns])

if __name__ == "__main__":
    main()
