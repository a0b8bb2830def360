// The official units list (data/units.hpp) read through the one CSV reader (data/csv.hpp): the
// separator detected from the header line outside quotes, RFC 4180 quotes, CRLF or LF, a BOM,
// and an unclosed quote reported as a problem with the file and the line it opened on.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "data/units.hpp"

using namespace ntm;
using namespace ntm::data;

namespace {

std::string write_units(const std::string& name, const std::string& text) {
    const auto dir = std::filesystem::temp_directory_path() /
                     (std::string("ntm-test-units-") + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto path = (dir / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

// The units of a file that must read without a problem.
AdminUnits read_ok(const std::string& name, const std::string& text) {
    std::vector<text::Problem> problems;
    AdminUnits units = read_units(write_units(name, text), problems);
    INFO(text::render(problems));
    REQUIRE(problems.empty());
    return units;
}

// The header, `sep` between the columns.
std::string header(char sep) {
    std::string out;
    for (const char* h : {"province_code", "province", "region", "district_code", "district",
                          "district_type", "commune_code", "commune", "commune_type"}) {
        if (!out.empty()) out += sep;
        out += h;
    }
    return out;
}

// A row of `cells`, `sep` between them.
std::string row(char sep, const std::vector<std::string>& cells) {
    std::string out;
    for (const std::string& c : cells) {
        if (!out.empty()) out += sep;
        out += c;
    }
    return out;
}

// One commune of Phú Ninh, with its district and province.
const std::vector<std::string> kTamThanh = {"49",    "Tỉnh Quảng Nam", "DHNTB",
                                            "518",   "Huyện Phú Ninh", "Huyện",
                                            "20365", "Xã Tam Thành",   "Xã"};

// The three units of kTamThanh, its commune on line 2.
void check_tam_thanh(const AdminUnits& u) {
    REQUIRE(u.units.size() == 3);
    CHECK(u.units[0].name == "Quảng Nam");
    CHECK(u.units[1].name == "Phú Ninh");
    CHECK(u.units[2].name == "Tam Thành");
    CHECK(u.units[2].code == "20365");
    CHECK(u.units[2].line == 2);
    CHECK(u.find(EntityKind::xa, "20365") == 2);
}

}  // namespace

TEST_CASE("units: comma, semicolon or tab between cells, found on the header line", "[units]") {
    for (const char sep : {',', ';', '\t'}) {
        INFO("separator " << static_cast<int>(sep));
        check_tam_thanh(read_ok("sep.csv", header(sep) + "\n" + row(sep, kTamThanh) + "\n"));
    }
}

TEST_CASE("units: CRLF, a BOM and a last line without a line break", "[units]") {
    check_tam_thanh(read_ok("crlf.csv", std::string("\xEF\xBB\xBF") + header(',') + "\r\n" +
                                            row(',', kTamThanh) + "\r\n"));
    check_tam_thanh(read_ok("no-eol.csv", header(';') + "\r\n" + row(';', kTamThanh)));
}

TEST_CASE("units: quoted cells hold the separator, doubled quotes and line breaks", "[units]") {
    std::vector<std::string> cells = kTamThanh;
    cells[1] = "\"Tỉnh Quảng Nam\"";
    cells[7] = "\"Xã \"\"Tam\"\" Thành, mới\"";
    const AdminUnits u = read_ok("quotes.csv", header(',') + "\n" + row(',', cells) + "\n");
    REQUIRE(u.units.size() == 3);
    CHECK(u.units[0].name == "Quảng Nam");
    CHECK(u.units[2].name == "\"Tam\" Thành, mới");

    // A line break inside quotes: the next row's line counts it.
    std::vector<std::string> second = kTamThanh;
    second[6] = "20368";
    second[7] = "\"Xã Tam\nAn\"";
    const AdminUnits two = read_ok(
        "multiline.csv", header(',') + "\n" + row(',', second) + "\n" + row(',', kTamThanh) + "\n");
    REQUIRE(two.units.size() == 4);
    CHECK(two.units[2].name == "Tam\nAn");
    CHECK(two.units[2].line == 2);
    CHECK(two.units[3].line == 4);
}

TEST_CASE("units: blanks around cells and blank lines are ignored", "[units]") {
    std::vector<std::string> cells = kTamThanh;
    cells[7] = "  Xã Tam Thành \t";
    cells[1] = " \"Tỉnh Quảng Nam\"";  // not quoted: the quote does not open the cell
    const AdminUnits u =
        read_ok("blanks.csv", header(',') + "\n\n" + row(',', cells) + "\n,,,,,,,,\n");
    REQUIRE(u.units.size() == 3);
    CHECK(u.units[0].name == "\"Tỉnh Quảng Nam\"");
    CHECK(u.units[2].name == "Tam Thành");
    CHECK(u.units[2].line == 3);
}

TEST_CASE("units: an unclosed quote is reported at the line it opens on", "[units]") {
    std::vector<std::string> second = kTamThanh;
    second[6] = "20368";
    second[7] = "\"Xã Tam An";
    const std::string text = header(';') + "\r\n" + row(';', kTamThanh) + "\r\n" +
                             row(';', second) + "\r\n" + row(';', kTamThanh) + "\r\n";
    std::vector<text::Problem> problems;
    const std::string path = write_units("unclosed.csv", text);
    read_units(path, problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].where.file == path);
    CHECK(problems[0].where.line == 3);
    CHECK(text::render(problems) ==
          path + ":3: error: quoted cell not closed before the end of the file\n");
}

// The separator is the one used by the header line outside quotes: a ';' file whose first
// header (a note column) holds as many commas as the line has semicolons is still ';'.  The
// units reader used to count separators on the first line with quotes ignored, found ',' and
// reported every column missing.
TEST_CASE("units: the separator is counted outside quotes", "[units]") {
    const std::string note =
        "\"Ghi chú: mã, tên, vùng, mã huyện, huyện, loại, mã xã, xã, loại xã, theo GSO\"";
    check_tam_thanh(
        read_ok("note.csv", note + ";" + header(';') + "\n;" + row(';', kTamThanh) + "\n"));

    // A header cell quoted across two lines: the separators after the line break count.
    const std::string two_lines = "\"Ghi\nchú\"";
    const AdminUnits u = read_ok(
        "note-lines.csv", two_lines + ";" + header(';') + "\n;" + row(';', kTamThanh) + "\n");
    REQUIRE(u.units.size() == 3);
    CHECK(u.units[2].line == 3);
}
