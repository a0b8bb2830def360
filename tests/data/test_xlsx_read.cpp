// Reading data from Excel workbooks: cells of every kind, sheets chosen by name, problems that
// name the sheet and the cell, damaged files.  (Workbooks written by report/ are tested in
// tests/report/test_xlsx_write.cpp.)
//
// Workbooks are written here with libxlsxwriter, or assembled part by part with libzip for the
// damaged ones.  The hidden test case "[.golden-xlsx]" writes the workbooks of the golden
// cases in tests/golden/data/ (run `ntm_tests "[.golden-xlsx]"` after changing them).
#include <xlsxwriter.h>
#include <zip.h>

#include <catch2/catch.hpp>
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

// Assembles a zip archive of the given parts (stored, not compressed).
std::string write_zip(const std::string& name,
                      const std::vector<std::pair<std::string, std::string>>& parts) {
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
        zip_set_file_compression(z, static_cast<zip_uint64_t>(i), ZIP_CM_STORE, 0);
    }
    REQUIRE(zip_close(z) == 0);
    return path;
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
        std::string line = ntm::text::render(p);
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
    CHECK(ds.records[1].origin.sheet == "Sheet1");
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
    // The first sheet has no header with a code.
    CHECK(support::load_error(path) == "sheet 'Ghi chú', row 1: the header has no 'code' (mã) column");
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
                             "cannot be read (cRC error)" + help);
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
