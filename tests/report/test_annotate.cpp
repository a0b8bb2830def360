// The annotated workbook of `ntm validate --annotate`: where each problem goes (report/annotate.hpp),
// the cells read back as they were (data/source.hpp), and every data problem of a table placed on
// its cell (data/table.hpp).
#include <catch2/catch.hpp>
#include <string>

#include "data/source.hpp"
#include "report/annotate.hpp"
#include "tests/support/load_fixture.hpp"
#include "tests/support/support.hpp"
#include "tests/support/zip.hpp"

using ntm::data::Source;
using ntm::data::SourceCell;
using ntm::data::SourceRow;
using ntm::data::SourceSheet;
using ntm::report::CellPlace;
using ntm::report::place_problem;
using ntm::text::Problem;
using ntm::text::ProblemKind;

namespace {

Problem at(std::string sheet, std::uint32_t line, std::uint32_t column, std::string field = {}) {
    Problem p;
    p.kind = ProblemKind::value;
    p.where.file = "du-lieu.xlsx";
    p.where.sheet = std::move(sheet);
    p.where.line = line;
    p.where.column = column;
    p.where.field = std::move(field);
    return p;
}

SourceRow row(std::uint32_t number, std::uint32_t line, std::vector<std::uint32_t> columns) {
    SourceRow r;
    r.number = number;
    r.line = line;
    for (const std::uint32_t c : columns) r.cells.push_back(SourceCell{c, SourceCell::Kind::text, "x", 0, 0});
    return r;
}

// A workbook of two sheets: notes, then the data, its header in row 2 with the code in column B.
Source workbook() {
    Source s;
    s.path = "du-lieu.xlsx";
    SourceSheet notes;
    notes.name = "Ghi chú";
    notes.rows = {row(1, 1, {1})};
    notes.header = 1;
    SourceSheet data;
    data.name = "Xã 2024";
    data.rows = {row(2, 2, {1, 2, 3}), row(3, 3, {2, 3}), row(7, 7, {3, 5})};
    data.header = 2;
    data.code_column = 2;
    s.sheets = {notes, data};
    return s;
}

}  // namespace

TEST_CASE("annotate: a problem goes on its cell, a whole row on its code cell, a file to the summary") {
    const Source s = workbook();
    CHECK(place_problem(at("Xã 2024", 7, 5), s) == CellPlace{1, 7, 5});
    // A value left out: the cell is empty, but it is still the problem's cell.
    CHECK(place_problem(at("Xã 2024", 7, 4), s) == CellPlace{1, 7, 4});
    // The whole row: its code cell (column B), even when the row's first cell is elsewhere.
    CHECK(place_problem(at("Xã 2024", 7, 0), s) == CellPlace{1, 7, 2});
    CHECK(place_problem(at("Xã 2024", 2, 0, "ghi_chu"), s) == CellPlace{1, 2, 2});
    // A sheet is found by its name, not by its order.
    CHECK(place_problem(at("Ghi chú", 1, 1), s) == CellPlace{0, 1, 1});
    // The file as a whole, a sheet or a row the workbook does not hold: the summary only.
    CHECK_FALSE(place_problem(at("Xã 2024", 0, 0), s));
    CHECK_FALSE(place_problem(at("Sheet1", 3, 2), s));
    CHECK_FALSE(place_problem(at("Xã 2024", 4, 2), s));
}

TEST_CASE("annotate: without a code column, a whole row goes on its first cell") {
    Source s = workbook();
    s.sheets[1].code_column = 0;
    CHECK(place_problem(at("Xã 2024", 7, 0), s) == CellPlace{1, 7, 3});
    CHECK(place_problem(at("Xã 2024", 3, 0), s) == CellPlace{1, 3, 2});
}

TEST_CASE("annotate: a CSV file is one sheet whose rows are found by the line they start on") {
    Source s;
    s.path = "du-lieu.csv";
    s.csv = true;
    SourceSheet sheet;
    sheet.name = "du-lieu";
    // Row 2 holds a quoted cell over two lines: row 3 starts on line 4.
    sheet.rows = {row(1, 1, {1, 2}), row(2, 2, {1, 2}), row(3, 4, {1, 2})};
    sheet.code_column = 1;
    s.sheets = {sheet};
    CHECK(place_problem(at("", 4, 2), s) == CellPlace{0, 3, 2});
    CHECK(place_problem(at("", 2, 0), s) == CellPlace{0, 2, 1});
    CHECK_FALSE(place_problem(at("", 3, 2), s));  // inside the quoted cell: no row starts there
}

TEST_CASE("annotate: a CSV file read back keeps text as text and numbers as numbers") {
    const std::string path = support::write_temp(
        "annotate-source.csv", "Mã,Tên,Năm,2.1\n020794,\"Bình\nDương\",2024,96.5\n\n20797,Bình Giang,2024,48,1\n");
    const Source s = ntm::data::read_source(path, {});
    REQUIRE(s.csv);
    REQUIRE(s.sheets.size() == 1);
    const SourceSheet& sheet = s.sheets[0];
    CHECK(sheet.name == "annotate-source");
    CHECK(sheet.header == 1);
    CHECK(sheet.code_column == 1);
    REQUIRE(sheet.rows.size() == 3);
    // The header stays text, "2.1" too.
    CHECK(sheet.rows[0].cells[3].kind == SourceCell::Kind::text);
    CHECK(sheet.rows[0].cells[3].text == "2.1");
    // The code keeps its leading zero; the year and the percentage are numbers.
    const SourceRow& first = sheet.rows[1];
    CHECK(first.number == 2);
    CHECK(first.line == 2);
    CHECK(first.cells[0].kind == SourceCell::Kind::text);
    CHECK(first.cells[0].text == "020794");
    CHECK(first.cells[1].text == "Bình\nDương");
    CHECK(first.cells[2].kind == SourceCell::Kind::number);
    CHECK(first.cells[2].number == 2024);
    CHECK(first.cells[3].number == 96.5);
    // After the quoted line break and a blank line: row 4 of the sheet, line 5 of the file.
    CHECK(sheet.rows[2].number == 4);
    CHECK(sheet.rows[2].line == 5);
}

TEST_CASE("annotate: every problem about a field of a table is placed on the field's column") {
    using namespace load_test;
    const auto ds = load("annotate-columns.csv",
                         kHeader + ",hai_lon,hai_long\n" + kParents + "20368,Tam An,Xã,518,,2023,1,140\n");
    std::vector<std::pair<std::string, std::uint32_t>> placed;
    for (const Problem& p : ds.problems) placed.emplace_back(p.code, p.where.column);
    // D0001 on the header cell of hai_lon (G), D0203 on the value under hai_long (H).
    CHECK(placed == std::vector<std::pair<std::string, std::uint32_t>>{{"D0001", 7}, {"D0203", 8}});
}
