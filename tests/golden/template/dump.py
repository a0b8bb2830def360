#!/usr/bin/env python3
"""Prints the parts of a data-entry workbook that matter, as text: each sheet's name, its
header row, its data validations (range, type, list or bounds) and its pre-filled rows, with
shared strings resolved.  Used by the golden test of `ntm template` (run.cmake)."""
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def main(path):
    z = zipfile.ZipFile(path)
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            strings.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
    rels = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    for sheet in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", NS):
        name = sheet.get("name")
        part = "xl/" + rels[sheet.get(REL)]
        root = ET.fromstring(z.read(part))
        print(f"== sheet '{name}'")
        for row in root.find("m:sheetData", NS):
            cells = []
            for c in row:
                v = c.find("m:v", NS)
                text = "" if v is None else v.text
                if c.get("t") == "s":
                    text = strings[int(text)]
                cells.append(f"{re.sub(r'[0-9]+', '', c.get('r'))}={text}")
            print(f"row {row.get('r')}: " + " | ".join(cells))
        dvs = root.find("m:dataValidations", NS)
        for dv in ([] if dvs is None else dvs):
            f1, f2 = dv.find("m:formula1", NS), dv.find("m:formula2", NS)
            bounds = " ".join(f.text for f in (f1, f2) if f is not None)
            print(f"validation {dv.get('sqref')}: {dv.get('type')} {dv.get('operator') or ''} {bounds}"
                  f" ({dv.get('errorStyle') or 'stop'})")


if __name__ == "__main__":
    main(sys.argv[1])
