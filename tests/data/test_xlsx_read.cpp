// Reading data from Excel workbooks: cells of every kind, sheets chosen by name, problems that
// name the sheet and the cell, damaged files.  (Workbooks written by report/ are tested in
// tests/report/test_xlsx_write.cpp.)
//
// Workbooks are written here with libxlsxwriter, or assembled part by part with libzip for the
// damaged ones.  The hidden test case "[.golden-xlsx]" writes the workbooks of the golden
// cases in tests/golden/data/ (run `ntm_tests "[.golden-xlsx]"` after changing them).
#include <sys/resource.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "data/load.hpp"
#include "engine/dataset.hpp"
#include "tests/support/support.hpp"
#include "text/problem.hpp"

using namespace ntm::engine;
using namespace ntm::data;

namespace {

// A cell to write: text, a number (with a number format), a boolean, or only a style.
struct W {
    enum class Kind { text, number, boolean, style } kind;
    std::string text;
    double number = 0;
    std::string format;
};
W t(std::string s) { return {W::Kind::text, std::move(s), 0, {}}; }
W n(double v, std::string format = {}) { return {W::Kind::number, {}, v, std::move(format)}; }
W b(bool v) { return {W::Kind::boolean, {}, v ? 1.0 : 0.0, {}}; }
W style() { return {W::Kind::style, {}, 0, {}}; }
W none() { return {W::Kind::text, {}, 0, {}}; }

struct WSheet {
    std::string name;
    // Rows by row number (1-based); a row not listed is left out of the sheet.
    std::vector<std::pair<int, std::vector<W>>> rows;
};

// Writes sheets with libxlsxwriter; `inline_strings` writes text in the cells (as in
// constant-memory mode) instead of the shared strings table.
std::string write_xlsx(const std::string& name, const std::vector<WSheet>& sheets,
                       bool inline_strings = false) {
    const std::string path = support::temp_path(name);
    lxw_workbook_options options{};
    options.constant_memory = inline_strings ? LXW_TRUE : LXW_FALSE;
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    REQUIRE(wb != nullptr);
    lxw_format* styled = workbook_add_format(wb);
    format_set_bg_color(styled, 0xFFFF00);
    std::vector<std::pair<std::string, lxw_format*>> formats;
    const auto format = [&](const std::string& f) -> lxw_format* {
        if (f.empty()) return nullptr;
        for (auto& [k, v] : formats) {
            if (k == f) return v;
        }
        lxw_format* x = workbook_add_format(wb);
        format_set_num_format(x, f.c_str());
        formats.emplace_back(f, x);
        return x;
    };
    for (const WSheet& s : sheets) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, s.name.c_str());
        for (const auto& [row, cells] : s.rows) {
            for (std::size_t c = 0; c < cells.size(); ++c) {
                const W& w = cells[c];
                const auto r = static_cast<lxw_row_t>(row - 1);
                const auto col = static_cast<lxw_col_t>(c);
                switch (w.kind) {
                    case W::Kind::text:
                        if (!w.text.empty()) worksheet_write_string(ws, r, col, w.text.c_str(), nullptr);
                        break;
                    case W::Kind::number:
                        worksheet_write_number(ws, r, col, w.number, format(w.format));
                        break;
                    case W::Kind::boolean:
                        worksheet_write_boolean(ws, r, col, w.number != 0, nullptr);
                        break;
                    case W::Kind::style:
                        worksheet_write_blank(ws, r, col, styled);
                        break;
                }
            }
        }
    }
    REQUIRE(workbook_close(wb) == LXW_NO_ERROR);
    return path;
}

// Assembles a zip archive of the given parts, stored (or deflated), each dated 1980-01-01 so
// that the same parts always give the same bytes.
std::string write_zip(const std::string& name,
                      const std::vector<std::pair<std::string, std::string>>& parts,
                      bool deflate = false) {
    const std::string path = support::temp_path(name);
    std::filesystem::remove(path);
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    REQUIRE(z != nullptr);
    for (const auto& [part, text] : parts) {
        zip_source_t* src = zip_source_buffer(z, text.data(), text.size(), 0);
        REQUIRE(src != nullptr);
        const zip_int64_t i = zip_file_add(z, part.c_str(), src, ZIP_FL_ENC_UTF_8);
        REQUIRE(i >= 0);
        const auto index = static_cast<zip_uint64_t>(i);
        zip_set_file_compression(z, index, deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE, 9);
        REQUIRE(zip_file_set_dostime(z, index, 0, (0 << 9) | (1 << 5) | 1, 0) == 0);
    }
    REQUIRE(zip_close(z) == 0);
    return path;
}

// Makes the archive at `path` declare `size` bytes as the unpacked size of its part `part`, in
// the part's local header and in the central directory: a zip that lies about a size.
void declare_size(const std::string& path, const std::string& part, std::uint32_t size) {
    std::string bytes = support::read_file(path);
    const auto put = [&](std::size_t at) {
        for (int k = 0; k < 4; ++k) bytes[at + static_cast<std::size_t>(k)] = static_cast<char>(size >> (8 * k));
    };
    int patched = 0;
    for (std::size_t at = bytes.find(part); at != std::string::npos; at = bytes.find(part, at + 1)) {
        if (at >= 30 && bytes.compare(at - 30, 4, "PK\x03\x04") == 0) {
            put(at - 30 + 22);  // local file header
            ++patched;
        } else if (at >= 46 && bytes.compare(at - 46, 4, "PK\x01\x02") == 0) {
            put(at - 46 + 24);  // central directory entry
            ++patched;
        }
    }
    REQUIRE(patched == 2);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
}

// A compound file (the container of Excel 97-2003 workbooks and of encrypted .xlsx files): its
// signature, a header, and a directory sector naming `stream` (as encrypted workbooks name
// "EncryptedPackage").
std::string write_compound_file(const std::string& name, const std::string& stream) {
    std::string bytes(1536, '\0');
    const std::string signature = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    bytes.replace(0, signature.size(), signature);
    bytes[26] = 3;     // version 3
    bytes[28] = '\xFE';  // little-endian
    bytes[29] = '\xFF';
    bytes[30] = 9;     // 512-byte sectors
    bytes[32] = 6;     // 64-byte mini sectors
    bytes[48] = 1;     // the directory in sector 1
    const auto entry = [&](std::size_t at, const std::string& n) {
        for (std::size_t k = 0; k < n.size(); ++k) bytes[at + 2 * k] = n[k];
        bytes[at + 64] = static_cast<char>(2 * (n.size() + 1));
    };
    entry(1024, "Root Entry");
    entry(1024 + 128, stream);
    return support::write_temp(name, bytes);
}

const std::string kWorkbook =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>)";
const std::string kWorkbookRels =
    R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>)";

std::string sheet_xml(const std::string& rows) {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
           rows + "</sheetData></worksheet>";
}

std::vector<std::string> rendered(const Dataset& ds) {
    std::vector<std::string> out;
    for (const ntm::text::Problem& p : ds.problems) {
        std::string line = ntm::text::render(p, ntm::text::Lang::en);
        line.erase(0, line.find(':'));  // without the temporary folder
        line.pop_back();
        out.push_back(line);
    }
    return out;
}

const std::vector<W> kHeader = {t("Mã"),   t("Tên"),      t("Loại"),     t("Mã cấp trên"),
                                t("Vùng"), t("Năm"),      t("Công nhận"), t("1.1"),
                                t("2.1"),  t("hai_long"), t("so_truong"), t("thu_nhap")};

// A district and three communes: every kind of cell, and rows with gaps between them.
WSheet communes(const std::string& name = "Sheet1") {
    return {name,
            {{1, kHeader},
             {2, {n(513), t("Thăng Bình"), t("Huyện"), none(), t("DHNTB"), n(2024)}},
             {4,
              {t("20794"), t("Bình Dương"), t("Xã"), n(513), none(), n(2024),
               t("dat_chuan:2019"), t("đạt"), n(98.5), n(0.965, "0.0%"), n(4), n(52.125)}},
             {5,
              {t("20797"), t("Bình Giang"), t("Xã"), t("513"), style(), n(2024), style(), b(false),
               n(100), t("91%"), style(), t("48,5")}},
             {7,
              {t("20800"), t("Bình Nguyên"), t("xã"), t("513"), none(), n(2024), none(), t("có"),
               n(140), n(95), n(-2), t("gần 50")}}}};
}

}  // namespace

TEST_CASE("xlsx: cells of every kind, shared strings, gaps", "[xlsx]") {
    const Dataset ds = support::load(write_xlsx("communes.xlsx", {communes()}));
    REQUIRE(ds.entities.size() == 4);
    REQUIRE(ds.records.size() == 4);
    CHECK(ds.entities[0].code == "513");  // a number written as a code
    CHECK(ds.entities[1].parent_code == "513");
    CHECK(ds.entities[1].region == ntm::dsl::Region::DHNTB);
    CHECK(ds.entities[1].recognised.size() == 1);
    CHECK(ds.records[1].origin.line == 4);  // the row number
    CHECK(ds.records[1].origin.sheet() == "Sheet1");
    CHECK(support::value(ds, 1, "1.1") == 1);
    CHECK(support::value(ds, 1, "2.1") == 98.5);
    CHECK(support::value(ds, 1, "hai_long") == Approx(96.5));  // 0.965 shown as a percentage
    CHECK(support::value(ds, 1, "so_truong") == 4);
    CHECK(support::value(ds, 1, "thu_nhap") == 52.125);  // a number cell is never ambiguous
    CHECK(support::value(ds, 2, "1.1") == 0);            // FALSE
    CHECK(support::value(ds, 2, "hai_long") == 91);      // "91%" as text
    CHECK(!known(support::value(ds, 2, "so_truong")));   // a cell with only a style is empty
    CHECK(support::value(ds, 2, "thu_nhap") == 48.5);    // a decimal comma in a text cell
    CHECK(rendered(ds) == std::vector<std::string>{
                              ":Sheet1!I7: error[D0203]: field '2.1': percentage 140 is outside 0–100",
                              ":Sheet1!K7: error[D0204]: field 'so_truong': count -2 is negative",
                              ":Sheet1!L7: error[D0201]: field 'thu_nhap': 'gần 50' is not a number",
                          });
}

TEST_CASE("xlsx: inline strings, and the same data as CSV gives the same values", "[xlsx]") {
    const Dataset x = support::load(write_xlsx("inline.xlsx", {communes()}, true));
    REQUIRE(x.records.size() == 4);
    CHECK(support::value(x, 1, "hai_long") == Approx(96.5));
    CHECK(x.problems.size() == 3);
}

TEST_CASE("xlsx: the sheet chosen by name, in any letter case", "[xlsx]") {
    WSheet notes{"Ghi chú", {{1, {t("Bảng này chỉ có ghi chú")}}}};
    WSheet year2023 = communes("Dữ liệu 2023");
    for (auto& [row, cells] : year2023.rows) {
        if (row > 1 && cells.size() > 5) cells[5] = n(2023);
    }
    const std::string path = write_xlsx("sheets.xlsx", {notes, year2023});
    LoadOptions options;
    options.sheet = "dữ liệu 2023";
    const Dataset ds = support::load(path, options);
    REQUIRE(ds.records.size() == 4);
    CHECK(ds.records[0].year == 2023);
    CHECK(rendered(ds)[0] ==
          ":'Dữ liệu 2023'!I7: error[D0203]: field '2.1': percentage 140 is outside 0–100");
    // Without --sheet, every sheet with a data header: the notes are not one.
    const Dataset all = support::load(path);
    CHECK(all.records.size() == 4);
    CHECK(rendered(all)[0] == rendered(ds)[0]);
    // With none, the first sheet is read, and says what its header lacks.
    const std::string notes_only = write_xlsx("notes.xlsx", {notes, WSheet{"Ghi chú 2", notes.rows}});
    CHECK(support::load_error(notes_only) == "sheet 'Ghi chú', row 1: the header has no 'code' (mã) column");
    options.sheet = "Du lieu 2024";
    CHECK(support::load_error(path, options) ==
          "no sheet 'Du lieu 2024' in the workbook (its sheets: 'Ghi chú', 'Dữ liệu 2023'); "
          "did you mean 'Dữ liệu 2023'?");
}

TEST_CASE("xlsx: problems name the sheet, the row and the cell", "[xlsx]") {
    const std::string path = write_xlsx(
        "problems.xlsx",
        {{"Xã",
          {{1, kHeader},
           {2, {t("20794"), t("Bình Dương"), t("Xã"), none(), t("DHNTB"), n(2024)}},
           {3, {t("20794"), t("Bình Dương"), t("Xã"), none(), t("DHNTB"), n(2024)}},
           {4, {t("20797"), t("Bình Giang"), t("Xả"), none(), t("DHNTB"), n(2024)}},
           {5, {t("20800"), t("Bình Nguyên"), t("Xã"), none(), t("DHNTB"), n(45292, "dd/mm/yyyy")}}}}});
    const Dataset ds = support::load(path);
    CHECK(rendered(ds) ==
          std::vector<std::string>{
              ":Xã!F3: error[D0103]: field 'Năm': duplicate record of '20794' in 2024; first "
              "given on row 2",
              ":Xã!C4: error[D0104]: field 'Loại': unknown type 'Xả' of '20797'; did you mean 'Xã'?",
              ":Xã!F5: error[D0102]: field 'Năm': year '2024-01-01' of '20800' is not a year from "
              "1900 to 2100",
          });
}

TEST_CASE("xlsx: empty sheets and missing columns are errors", "[xlsx]") {
    CHECK(support::load_error(write_xlsx("empty.xlsx", {{"Trống", {}}})) ==
          "sheet 'Trống' is empty: no header row");
    CHECK(support::load_error(write_xlsx("no-year.xlsx", {{"Sheet1", {{3, {t("mã"), t("loại")}}}}})) ==
          "sheet 'Sheet1', row 3: the header has no 'year' (năm) column");
    LoadOptions options;
    options.sheet = "Sheet1";
    const std::string csv = support::write_temp("data.csv", "code,type,year\n");
    CHECK(support::load_error(csv, options) == "--sheet 'Sheet1' is for Excel workbooks (.xlsx); .csv has no sheets");
}

TEST_CASE("xlsx: damaged workbooks are errors naming the file and the sheet", "[xlsx]") {
    const std::string help = "; open it in Excel and save it again as Excel Workbook (.xlsx)";
    const std::string text = support::write_temp("text.xlsx", "code,type,year\n");
    CHECK(support::load_error(text) ==
          "not an Excel workbook: the file is not a zip archive, as every .xlsx file is" + help);
    CHECK(support::load_error(support::temp_path("missing.xlsx")) == "cannot open file");
    CHECK(support::load_error(write_zip("no-workbook.xlsx", {{"hello.txt", "hi"}})) ==
          "not an Excel workbook: the archive has no xl/workbook.xml" + help);
    CHECK(support::load_error(write_zip("no-sheet-part.xlsx", {{"xl/workbook.xml", kWorkbook},
                                                      {"xl/_rels/workbook.xml.rels", kWorkbookRels}})) ==
          "damaged Excel workbook: sheet 'Sheet1' (xl/worksheets/sheet1.xml) is missing" + help);
    CHECK(support::load_error(write_zip("bad-xml.xlsx",
                               {{"xl/workbook.xml", kWorkbook},
                                {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                                {"xl/worksheets/sheet1.xml", sheet_xml("<row r=\"1\"><c r=\"A1\">")}})) ==
          "damaged Excel workbook: sheet 'Sheet1' is not valid XML (xl/worksheets/sheet1.xml "
          "line 2: mismatched tag)" + help);
    CHECK(support::load_error(write_zip("bad-ref.xlsx",
                               {{"xl/workbook.xml", kWorkbook},
                                {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                                {"xl/worksheets/sheet1.xml",
                                 sheet_xml(R"(<row r="1"><c r="1A"><v>1</v></c></row>)")}})) ==
          "damaged Excel workbook: sheet 'Sheet1': cell reference '1A' is no cell of row 1" + help);
    CHECK(support::load_error(write_zip("bad-string.xlsx",
                               {{"xl/workbook.xml", kWorkbook},
                                {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                                {"xl/worksheets/sheet1.xml",
                                 sheet_xml(R"(<row r="1"><c r="B1" t="s"><v>7</v></c></row>)")}})) ==
          "damaged Excel workbook: sheet 'Sheet1': cell B1 refers to shared string '7' of 0" + help);

    // A stored part whose bytes were changed after it was written: its checksum fails.
    const std::string crc = write_zip(
        "bad-crc.xlsx", {{"xl/workbook.xml", kWorkbook},
                         {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                         {"xl/worksheets/sheet1.xml",
                          sheet_xml(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c></row>)")}});
    {
        std::fstream f(crc, std::ios::in | std::ios::out | std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
        const std::size_t at = bytes.find("<t>code</t>");
        REQUIRE(at != std::string::npos);
        f.seekp(static_cast<std::streamoff>(at + 3));
        f.put('C');
    }
    CHECK(support::load_error(crc) == "damaged Excel workbook: sheet 'Sheet1' (xl/worksheets/sheet1.xml) "
                             "cannot be read (CRC error: the content is altered or damaged)" + help);
}

// ---------------------------------------------------------------------------------------------
// Hostile workbooks: limits, sizes that lie, cells far away, values out of range

namespace {

// A cell of inline text, or of a number, at `ref`.
std::string text_cell(const std::string& ref, const std::string& text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}
std::string number_cell(const std::string& ref, const std::string& number) {
    return "<c r=\"" + ref + "\"><v>" + number + "</v></c>";
}

// A workbook of one sheet "Sheet1" holding `rows` (the XML of its <row>s), with `strings` as
// its shared strings part when given.
std::string write_sheet(const std::string& name, const std::string& rows, bool deflate = false,
                        const std::string& strings = {}) {
    std::vector<std::pair<std::string, std::string>> parts = {
        {"xl/workbook.xml", kWorkbook},
        {"xl/_rels/workbook.xml.rels", kWorkbookRels},
        {"xl/worksheets/sheet1.xml", sheet_xml(rows)}};
    if (!strings.empty()) {
        std::string rels = kWorkbookRels;
        rels.insert(rels.find("</Relationships>"),
                    R"(<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)");
        parts[1].second = rels;
        parts.emplace_back("xl/sharedStrings.xml", strings);
    }
    return write_zip(name, parts, deflate);
}

// The header Mã, Loại, Năm, Vùng in row 1 and `count` communes of 2024 in the rows after it.
std::string commune_rows(int count, const std::string& more_header = {},
                         const std::string& more_cells = {}) {
    std::string rows = std::string("<row r=\"1\">") + text_cell("A1", "Mã") + text_cell("B1", "Loại") +
                       text_cell("C1", "Năm") + text_cell("D1", "Vùng") + more_header + "</row>";
    for (int r = 2; r <= count + 1; ++r) {
        const std::string n = std::to_string(r);
        rows += "<row r=\"" + n + "\">" + number_cell("A" + n, std::to_string(20000 + r)) +
                text_cell("B" + n, "Xã") + number_cell("C" + n, "2024") + text_cell("D" + n, "DHNTB");
        if (!more_cells.empty()) rows += number_cell(more_cells + n, std::to_string(r % 100));
        rows += "</row>";
    }
    return rows;
}

// The problem of the FileError that loading `path` throws (empty when it throws none).
ntm::text::Problem load_problem(const std::string& path, const LoadOptions& options = {}) {
    try {
        support::load(path, options);
    } catch (const ntm::text::FileError& e) {
        CHECK(e.problem.where.file == path);
        return e.problem;
    }
    return {};
}

// The most memory the process has held so far, in KiB.
long peak_memory_kb() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;
}

const std::string kResave = "; open it in Excel and save it again as Excel Workbook (.xlsx)";

}  // namespace

TEST_CASE("xlsx: a value in the last column (XFD) is one cell, not sixteen thousand", "[xlsx]") {
    // Each row's cells were a vector as long as its last column: 3000 rows with a value in
    // XFD took 2.3 GB, and a few more ended in std::bad_alloc.
    const int rows = 3000;
    const std::string path =
        write_sheet("last-column.xlsx", commune_rows(rows, text_cell("XFD1", "2.1"), "XFD"), true);
    const long before = peak_memory_kb();
    const Dataset ds = support::load(path);
    CHECK(peak_memory_kb() - before < 200 * 1024);
    REQUIRE(ds.records.size() == rows);
    CHECK(support::value(ds, 0, "2.1") == 2);
    CHECK(support::value(ds, rows - 1, "2.1") == (rows + 1) % 100);
    CHECK(ds.problems.empty());
}

TEST_CASE("xlsx: a sheet beyond the limits of rows and cells is an error D0903, D0904", "[xlsx]") {
    // Both are counted as the sheet is read, so that nothing grows past them.
    const std::string path = write_sheet("rows.xlsx", commune_rows(5));
    LoadOptions options;
    options.limits.rows = 5;
    CHECK(support::load(path, options).records.size() == 5);
    options.limits.rows = 4;
    ntm::text::Problem p = load_problem(path, options);
    CHECK(p.code == "D0903");
    CHECK(ntm::text::render(p, ntm::text::Lang::en) == path + ":Sheet1!A6: error[D0903]: more records than the limit of 4; raise it "
                              "with --limit rows=N\n");

    options = {};
    options.limits.cells = 24;  // the header and five rows of four cells
    CHECK(support::load(path, options).records.size() == 5);
    options.limits.cells = 23;
    p = load_problem(path, options);
    CHECK(p.code == "D0904");
    CHECK(ntm::text::render(p, ntm::text::Lang::en) == path + ":Sheet1!D6: error[D0904]: more cells holding a value than the limit "
                              "of 23; raise it with --limit cells=N\n");
}

TEST_CASE("xlsx: a part larger unpacked than the limit is an error D0905, even when the zip lies",
          "[xlsx]") {
    const std::string rows = commune_rows(40);
    const std::size_t size = sheet_xml(rows).size();
    LoadOptions options;
    options.limits.string_bytes = size;
    CHECK(support::load(write_sheet("size.xlsx", rows, true), options).records.size() == 40);

    // The size the archive declares is checked before anything is unpacked.
    options.limits.string_bytes = 1000;
    ntm::text::Problem p = load_problem(write_sheet("declared.xlsx", rows, true), options);
    CHECK(p.code == "D0905");
    CHECK(p.message.en() == fmt::format("sheet 'Sheet1' (xl/worksheets/sheet1.xml): {} bytes unpacked, "
                                   "more than the limit of 1000 bytes; raise it with --limit "
                                   "string-size=N",
                                   size));

    // A part that declares 100 bytes is counted as it is unpacked.
    const std::string lying = write_sheet("lying.xlsx", rows, true);
    declare_size(lying, "xl/worksheets/sheet1.xml", 100);
    p = load_problem(lying, options);
    CHECK(p.code == "D0905");
    CHECK(p.message.en() == "sheet 'Sheet1' (xl/worksheets/sheet1.xml): more than the limit of 1000 bytes "
                       "unpacked (the archive declares 100); raise it with --limit string-size=N");

    // The shared strings: one long text.
    const std::string strings = R"(<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>)" +
                                std::string(5000, 'a') + "</t></si></sst>";
    p = load_problem(write_sheet("strings.xlsx", commune_rows(1), true, strings), options);
    CHECK(p.code == "D0905");
    CHECK(p.message.en() == fmt::format("the shared strings (xl/sharedStrings.xml): {} bytes unpacked, "
                                   "more than the limit of 1000 bytes; raise it with --limit "
                                   "string-size=N",
                                   strings.size()));
}

TEST_CASE("xlsx: a date out of Excel's range shows as the number", "[xlsx]") {
    const std::string path = write_xlsx(
        "dates.xlsx",
        {{"Sheet1",
          {{1, kHeader},
           {2, {t("20794"), t("Bình Dương"), t("Xã"), none(), t("DHNTB"), n(2958465, "dd/mm/yyyy")}},
           {3, {t("20797"), t("Bình Giang"), t("Xã"), none(), t("DHNTB"), n(2958466, "dd/mm/yyyy")}},
           {4, {t("20800"), t("Bình Nguyên"), t("Xã"), none(), t("DHNTB"), n(1e300, "dd/mm/yyyy")}},
           {5, {t("20803"), t("Bình Phục"), t("Xã"), none(), t("DHNTB"), n(-1e300, "dd/mm/yyyy")}},
           {6, {t("20806"), t("Bình Quế"), t("Xã"), none(), t("DHNTB"), n(0.5, "dd/mm/yyyy")}}}}});
    CHECK(rendered(support::load(path)) ==
          std::vector<std::string>{
              ":Sheet1!F2: error[D0102]: field 'Năm': year '9999-12-31' of '20794' is not a year from "
              "1900 to 2100",
              ":Sheet1!F3: error[D0102]: field 'Năm': year '2958466' of '20797' is not a year from "
              "1900 to 2100",
              ":Sheet1!F4: error[D0102]: field 'Năm': year '1e+300' of '20800' is not a year from "
              "1900 to 2100",
              ":Sheet1!F5: error[D0102]: field 'Năm': year '-1e+300' of '20803' is not a year from "
              "1900 to 2100",
              ":Sheet1!F6: error[D0102]: field 'Năm': year '0.5' of '20806' is not a year from "
              "1900 to 2100",
          });
}

TEST_CASE("xlsx: an encrypted workbook and an Excel 97-2003 file are named as such", "[xlsx]") {
    CHECK(support::load_error(write_compound_file("encrypted.xlsx", "EncryptedPackage")) ==
          "the workbook is encrypted: it opens only with its password; in Excel, remove the "
          "password (File > Info > Protect Workbook > Encrypt with Password) and save it again");
    CHECK(support::load_error(write_compound_file("legacy.xlsx", "Workbook")) ==
          "not an Excel workbook: the file is an Excel 97-2003 workbook (.xls) or another older "
          "Office file, not a zip archive as every .xlsx file is" + kResave);
}

TEST_CASE("xlsx: a part with a document type declaration is refused (entities are not expanded)",
          "[xlsx]") {
    // OOXML parts never have one; a DTD's entities could expand a small part without bound.
    const std::string strings = R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>)";
    CHECK(support::load_error(write_sheet("doctype.xlsx", commune_rows(1), false, strings)) ==
          "damaged Excel workbook: a document type declaration (<!DOCTYPE>) in the shared strings "
          "(xl/sharedStrings.xml), which no workbook has" + kResave);
}

TEST_CASE("xlsx: cells that are no cell, or the same cell twice, are errors naming them", "[xlsx]") {
    const auto error = [](const std::string& name, const std::string& cell) {
        return support::load_error(
            write_sheet(name, std::string("<row r=\"1\">") + text_cell("A1", "Mã") + cell + "</row>"));
    };
    CHECK(error("letters.xlsx", number_cell("ZZZZZ1", "1")) ==
          "damaged Excel workbook: sheet 'Sheet1': cell reference 'ZZZZZ1' is no cell of row 1" + kResave);
    CHECK(error("row0.xlsx", number_cell("B0", "1")) ==
          "damaged Excel workbook: sheet 'Sheet1': cell reference 'B0' is no cell of row 1" + kResave);
    CHECK(error("huge-row.xlsx", number_cell("B99999999999", "1")) ==
          "damaged Excel workbook: sheet 'Sheet1': cell reference 'B99999999999' is no cell of row 1" +
              kResave);
    CHECK(error("twice.xlsx", text_cell("A1", "code")) ==
          "damaged Excel workbook: sheet 'Sheet1': cell A1 is given twice" + kResave);
    CHECK(error("bad-number.xlsx", number_cell("B1", "1e999")) ==
          "damaged Excel workbook: sheet 'Sheet1': cell B1 holds '1e999', which is no number" + kResave);
    // The same cell in two rows of the same number.
    CHECK(support::load_error(write_sheet(
              "row-twice.xlsx", std::string("<row r=\"1\">") + text_cell("A1", "Mã") + "</row><row r=\"1\">" +
                                    text_cell("A1", "code") + "</row>")) ==
          "damaged Excel workbook: sheet 'Sheet1': cell A1 is given twice" + kResave);
}

TEST_CASE("xlsx: a formula's error value is a value problem at its cell", "[xlsx]") {
    const std::string rows = commune_rows(1, text_cell("E1", "2.1")) +
                             R"(<row r="3"><c r="A3"><v>20900</v></c><c r="B3" t="inlineStr"><is><t>Xã</t></is></c>)"
                             R"(<c r="C3"><v>2024</v></c><c r="D3" t="inlineStr"><is><t>DHNTB</t></is></c>)"
                             R"(<c r="E3" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>)";
    const Dataset ds = support::load(write_sheet("formula-error.xlsx", rows));
    CHECK(ds.records.size() == 2);
    CHECK(rendered(ds) ==
          std::vector<std::string>{":Sheet1!E3: error[D0201]: field '2.1': '#DIV/0!' is not a number"});
}

TEST_CASE("xlsx: column letters", "[xlsx]") {
    CHECK(ntm::text::column_letters(1) == "A");
    CHECK(ntm::text::column_letters(26) == "Z");
    CHECK(ntm::text::column_letters(27) == "AA");
    CHECK(ntm::text::column_letters(52) == "AZ");
    CHECK(ntm::text::column_letters(703) == "AAA");
    CHECK(ntm::text::column_letters(16384) == "XFD");
}

// Writes the workbooks of the golden cases (tests/golden/data/xlsx_*): run by hand with
// `ntm_tests "[.golden-xlsx]"`, then review and keep the files (and their .expected).
TEST_CASE("xlsx: the workbooks of the golden cases", "[.golden-xlsx]") {
    const std::string root = std::string(NTM_SOURCE_DIR) + "/tests/golden/data/";
    const auto place = [&](const std::string& written, const std::string& dir) {
        std::filesystem::create_directories(root + dir);
        std::filesystem::copy_file(written, root + dir + "/du-lieu.xlsx",
                                   std::filesystem::copy_options::overwrite_existing);
    };
    const std::vector<W> header = {
        t("Mã"),  t("Tên"),       t("Loại"),          t("Mã cấp trên"), t("Vùng"),
        t("Năm"), t("Công nhận"), t("2.1"),           t("so_truong"),   t("so_truong_dat"),
        t("10"),  t("hai_long"),  t("no_dong_xdcb")};
    const WSheet data{
        "Xã 2024",
        {{1, header},
         {2, {n(49), t("Quảng Nam"), t("Tỉnh"), none(), t("Duyên hải Nam Trung Bộ"), n(2024)}},
         {3, {n(513), t("Thăng Bình"), t("Huyện"), n(49), none(), n(2024)}},
         {5,
          {t("20794"), t("Bình Dương"), t("Xã"), n(513), none(), n(2024), t("dat_chuan:2019"),
           n(100), n(4), n(4), n(55.2), n(0.965, "0.0%"), t("Không")}},
         {6,
          {t("20797"), t("Bình Giang"), t("Xã"), n(513), style(), n(2024), style(), n(140), n(3),
           n(2), t("48,1"), t("91%"), b(false)}},
         {7,
          {t("20800"), t("Bình Nguyên"), t("Xã"), n(5130), none(), n(2024), none(), n(100), n(3),
           n(3), n(50.4), n(92.5), t("không")}},
         {8,
          {t("20803"), t("Bình Phục"), t("Xã"), n(513), none(), n(2024), t("đạt chuẩn 2019"),
           n(97.5), n(-1), n(2), t("gần 50"), n(88), t("chưa rõ")}},
         {9,
          {t("20794"), t("Bình Dương"), t("Xã"), n(513), none(), n(2024), none(), n(100), n(4),
           n(4), n(55.2), n(96.5), t("không")}}}};
    place(write_xlsx("golden-problems.xlsx", {data}), "xlsx_problems");
    const WSheet notes{"Ghi chú", {{1, {t("Số liệu năm 2024 ở trang Xã 2024")}}}};
    place(write_xlsx("golden-sheets.xlsx", {notes, data}), "xlsx_sheet");
    place(write_xlsx("golden-no-sheet.xlsx", {notes, data}), "error_xlsx_no_sheet");
    place(write_zip("golden-damaged.xlsx",
                    {{"xl/workbook.xml", kWorkbook},
                     {"xl/_rels/workbook.xml.rels", kWorkbookRels},
                     {"xl/worksheets/sheet1.xml",
                      sheet_xml(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>Mã</t></is></c></row)")}}),
          "error_xlsx_damaged");
}

// Writes the hostile workbooks of the golden cases in tests/golden/xlsx/: run by hand with
// `ntm_tests "[.golden-xlsx-hostile]"`, then review and keep the files (and their .expected).
// The parts are dated 1980-01-01 and packed by zlib at level 9, so the same code always gives
// the same bytes.
TEST_CASE("xlsx: the hostile workbooks of the golden cases", "[.golden-xlsx-hostile]") {
    const std::string root = std::string(NTM_SOURCE_DIR) + "/tests/golden/xlsx/";
    const auto place = [&](const std::string& written, const std::string& dir) {
        std::filesystem::create_directories(root + dir);
        std::filesystem::copy_file(written, root + dir + "/du-lieu.xlsx",
                                   std::filesystem::copy_options::overwrite_existing);
    };
    const auto sheet = [&](const std::string& dir, const std::string& rows,
                           const std::string& strings = {}) {
        place(write_sheet("golden-" + dir + ".xlsx", rows, true, strings), dir);
    };
    const std::string sst_head = R"(<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)";
    // One commune row after the header Mã, Loại, Năm, Vùng: `cells` are its cells after D2.
    const auto one_row = [&](const std::string& cells, const std::string& more_header = {}) {
        return std::string("<row r=\"1\">") + text_cell("A1", "Mã") + text_cell("B1", "Loại") +
               text_cell("C1", "Năm") + text_cell("D1", "Vùng") + more_header + "</row>" +
               "<row r=\"2\">" + number_cell("A2", "20794") + text_cell("B2", "Xã") +
               number_cell("C2", "2024") + text_cell("D2", "DHNTB") + cells + "</row>";
    };

    // A value column in XFD, Excel's last: read as one cell per row.
    sheet("last_column", commune_rows(3, text_cell("XFD1", "hai_long"), "XFD"));
    sheet("limit_rows", commune_rows(3));
    sheet("limit_cells", commune_rows(3));
    sheet("limit_part_size", commune_rows(20));
    const std::string lying = write_sheet("golden-size_lies.xlsx", commune_rows(20), true);
    declare_size(lying, "xl/worksheets/sheet1.xml", 100);
    place(lying, "size_lies");
    sheet("limit_shared_strings", commune_rows(1),
          sst_head + "<si><t>" + std::string(2000, 'a') + "</t></si></sst>");
    // A zip archive, but of no workbook.
    place(write_zip("golden-not_workbook.xlsx", {{"word/document.xml", "<document/>"}}, true),
          "not_workbook");
    place(write_compound_file("golden-encrypted.xlsx", "EncryptedPackage"), "encrypted");
    place(write_compound_file("golden-legacy_xls.xlsx", "Workbook"), "legacy_xls");
    sheet("shared_strings_not_xml", one_row(""), sst_head + "<si><t>Xã</t></si><si><t></sst>");
    sheet("doctype", one_row(""),
          R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&b;</t></si></sst>)");
    sheet("formula_error",
          one_row(R"(<c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c>)", text_cell("E1", "hai_long")));
    sheet("shared_string_out_of_range", one_row(R"(<c r="E2" t="s"><v>7</v></c>)"),
          sst_head + "<si><t>hai_long</t></si></sst>");
    sheet("cell_letters", one_row(number_cell("ZZZZZ2", "1")));
    sheet("cell_row_zero", one_row(number_cell("E0", "1")));
    sheet("cell_row_huge", one_row(number_cell("E99999999999", "1")));
    sheet("cell_twice", one_row(number_cell("D2", "1")));
    // A date style (built-in format 14) on years: 1e300 is no date Excel shows.
    const std::string styles = R"(<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>)";
    std::string rels = kWorkbookRels;
    rels.insert(rels.find("</Relationships>"),
                R"(<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)");
    const std::string dates =
        std::string("<row r=\"1\">") + text_cell("A1", "Mã") + text_cell("B1", "Loại") + text_cell("C1", "Năm") +
        text_cell("D1", "Vùng") + "</row>" + "<row r=\"2\">" + number_cell("A2", "20794") +
        text_cell("B2", "Xã") + R"(<c r="C2" s="1"><v>1e300</v></c>)" + text_cell("D2", "DHNTB") +
        "</row>" + "<row r=\"3\">" + number_cell("A3", "20797") + text_cell("B3", "Xã") +
        R"(<c r="C3" s="1"><v>-1</v></c>)" + text_cell("D3", "DHNTB") + "</row>";
    place(write_zip("golden-date_out_of_range.xlsx",
                    {{"xl/workbook.xml", kWorkbook},
                     {"xl/_rels/workbook.xml.rels", rels},
                     {"xl/worksheets/sheet1.xml", sheet_xml(dates)},
                     {"xl/styles.xml", styles}},
                    true),
          "date_out_of_range");
    // The workbook given back annotated (`validate --annotate`): a problem on a header cell
    // (D0001), on a whole row (D0303), several on one row, a record rejected at its parent and
    // at its year; text codes, a percentage, a date and a boolean to keep as they are; a second
    // sheet with a code of leading zeros.
    const WSheet annotated{
        "Xã 2024",
        {{1, {t("Mã"), t("Tên"), t("Loại"), t("Mã cấp trên"), t("Năm"), t("Ngày báo cáo"), t("2.1"),
              t("hai_long"), t("so_truong"), t("so_truong_dat"), t("no_dong_xdcb")}},
         {2, {t("513"), t("Thăng Bình"), t("Huyện"), t("49"), n(2024)}},
         {3, {t("20794"), t("Bình Dương"), t("Xã"), t("513"), n(2024), n(45292, "dd/mm/yyyy"), n(100),
              n(0.965, "0.0%"), n(4), n(4), b(false)}},
         {4, {t("20797"), t("Bình Giang"), t("Xã"), t("513"), n(2024), none(), n(140), t("91%"), n(-1),
              n(2), t("chưa rõ")}},
         {5, {t("20800"), t("Bình Nguyên"), t("Xã"), t("5130"), n(2024), none(), n(100), n(0.9, "0%")}},
         {6, {t("20803"), t("Bình Phục"), t("Xã"), t("513"), t("2O24")}}}};
    const WSheet annotated_notes{"Ghi chú", {{1, {t("Người lập"), t("Mã số thuế")}},
                                            {2, {t("Phòng Nông nghiệp"), t("0400123456")}}}};
    place(write_xlsx("golden-annotate.xlsx", {annotated, annotated_notes}), "annotate");
}
