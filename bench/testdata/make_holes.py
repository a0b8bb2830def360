#!/usr/bin/env python3
"""Writes quang-nam-2024-holes.csv, the fixture on which the limit (bench/limit.hpp) and ntm must
agree: fixtures/quang-nam/quang-nam.csv, 2024 only, without villages; in each commune 1.5 % of
the values blanked (unknown), and half the communes given a region of their own (any of the
seven, overriding the province's), at random with a fixed seed — so that every region's
thresholds, the unknowns of Kleene logic and the region rule's doubt are all exercised.

Run from the repository root: python3 bench/testdata/make_holes.py
"""
import csv
import random

random.seed(11)
rows = list(csv.reader(open("fixtures/quang-nam/quang-nam.csv", encoding="utf-8")))
header = rows[0]
year, kind, region = header.index("năm"), header.index("loại"), header.index("vùng")
regions = ["TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL"]
with open("bench/testdata/quang-nam-2024-holes.csv", "w", encoding="utf-8", newline="") as out:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows[1:]:
        if row[year] != "2024" or row[kind] in ("Thôn", "Bản", "Tổ dân phố", "Khu phố"):
            continue
        if row[kind] == "Xã":
            row = [v if i < 7 or random.random() >= 0.015 else "" for i, v in enumerate(row)]
            if random.random() < 0.5:
                row[region] = random.choice(regions)
        writer.writerow(row)
