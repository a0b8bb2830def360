// Excel workbooks written by report/: report workbooks, checked by opening the archive (the
// data-entry template: test_template.cpp).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "data/load.hpp"
#include "data/vocabulary.hpp"
#include "engine/dataset.hpp"
#include "report/xlsx.hpp"
#include "tests/support/support.hpp"
#include "tests/support/zip.hpp"
#include "text/problem.hpp"

using namespace ntm::engine;
using namespace ntm::data;
using namespace ntm::report;
using ntm::dsl::EntityKind;

TEST_CASE("xlsx: report workbooks", "[xlsx]") {
    Sheet overview{"Tổng hợp", {"Mã", "Xã", "Số tiêu chí đạt", "Tỷ lệ"}, {}, true, 2};
    overview.rows.push_back({XlsxCell::of("20794"), XlsxCell::of("Bình Dương"),
                             XlsxCell::of(19.0), XlsxCell::of(0.985, "0.0%")});
    overview.rows.push_back({XlsxCell::of("20797"), XlsxCell::of("Bình Giang"),
                             XlsxCell::of(17.0, "", true), XlsxCell::of(0.82, "0.0%", true)});
    Sheet problems{"Lỗi dữ liệu: [2024]", {"Tệp", "Dòng", "Lỗi"}, {}, true, 0};
    problems.rows.push_back({XlsxCell::of("du-lieu.xlsx"), XlsxCell::of(7.0),
                             XlsxCell::of("percentage 140 is outside 0–100")});
    Sheet again{"tổng hợp", {"x"}, {}, false, 0};
    const std::string path = support::temp_path("bao-cao.xlsx");
    write_workbook(path, {overview, problems, again});

    const std::string workbook = unzip(path, "xl/workbook.xml");
    CHECK(workbook.find(R"(<sheet name="Tổng hợp" sheetId="1")") != std::string::npos);
    CHECK(workbook.find(R"(<sheet name="Lỗi dữ liệu- -2024-" sheetId="2")") != std::string::npos);
    CHECK(workbook.find(R"x(<sheet name="tổng hợp (2)" sheetId="3")x") != std::string::npos);

    const std::string sheet1 = unzip(path, "xl/worksheets/sheet1.xml");
    CHECK(sheet1.find(R"(<pane xSplit="2" ySplit="1" topLeftCell="C2" activePane="bottomRight" state="frozen"/>)") !=
          std::string::npos);
    CHECK(sheet1.find(R"(<c r="C2"><v>19</v></c>)") != std::string::npos);
    CHECK(sheet1.find(R"(<c r="D2" s="2"><v>0.985</v></c>)") != std::string::npos);
    CHECK(sheet1.find(R"(<c r="C3" s="3"><v>17</v></c>)") != std::string::npos);  // highlighted
    // Columns as wide as their text: "Số tiêu chí đạt" is 15 letters (23 bytes), plus 2.
    CHECK(sheet1.find(R"(<col min="3" max="3" width="17.7109375" customWidth="1"/>)") != std::string::npos);
    CHECK(unzip(path, "xl/sharedStrings.xml").find("<t>Bình Giang</t>") != std::string::npos);
    const std::string styles = unzip(path, "xl/styles.xml");
    CHECK(styles.find(R"(<fgColor rgb="FFFFC7CE"/>)") != std::string::npos);
    CHECK(styles.find(R"(formatCode="0.0%")") != std::string::npos);
    CHECK(unzip(path, "xl/worksheets/sheet3.xml").find("<pane") == std::string::npos);

    // What the writer wrote, the reader reads: the overview has no code/type/year, so it is
    // an error naming the sheet.
    CHECK(support::load_error(path) == "sheet 'Tổng hợp', row 1: the header has no 'type' (loại) or "
                              "'kind' (cấp) column");
    CHECK(widest_line("Số tiêu chí đạt") == 15);
    CHECK(widest_line("Nghe\u0301\nSố") == 4);  // a combining accent takes no room
    CHECK_THROWS_AS(write_workbook(support::temp_path("none.xlsx"), {}), ntm::text::FileError);
    CHECK_THROWS_AS(write_workbook(support::temp_path("no-such-dir/x.xlsx"), {again}), ntm::text::FileError);
}
