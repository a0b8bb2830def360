// The official units list (data/units.hpp) read through the one CSV reader (data/csv.hpp): the
// separator detected from the header line outside quotes, RFC 4180 quotes, CRLF or LF, a BOM,
// and an unclosed quote reported as a problem with the file and the line it opened on.
#include <unistd.h>

#include <array>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <thread>
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
    INFO(text::render(problems, ntm::text::Lang::en));
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
    CHECK(text::render(problems, ntm::text::Lang::en) ==
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

TEST_CASE("units: the bundled lists parse with no problem and hold the published counts", "[units]") {
    const AdminUnits& old = official_units(engine::AdminMap::three_tier);
    CHECK(old.path == "units/vn-admin-units.csv");
    CHECK(old.map == engine::AdminMap::three_tier);
    std::array<std::size_t, engine::kKindCount> kinds{};
    for (const Unit& u : old.units) ++kinds[engine::kind_index(u.kind)];
    CHECK(kinds[engine::kind_index(EntityKind::xa)] == 10047);
    CHECK(kinds[engine::kind_index(EntityKind::tinh)] == 63);

    const AdminUnits& now = official_units(engine::AdminMap::two_tier);
    CHECK(now.path == "units/vn-admin-units-2025.csv");
    CHECK(now.map == engine::AdminMap::two_tier);
    std::map<std::string, std::size_t> types;
    kinds = {};
    for (const Unit& u : now.units) {
        ++kinds[engine::kind_index(u.kind)];
        if (u.kind == EntityKind::xa) ++types[u.type];
    }
    CHECK(kinds[engine::kind_index(EntityKind::tinh)] == 34);
    CHECK(kinds[engine::kind_index(EntityKind::huyen)] == 0);
    CHECK(kinds[engine::kind_index(EntityKind::xa)] == 3321);
    CHECK(types["Xã"] == 2621);
    CHECK(types["Phường"] == 687);
    CHECK(types["Đặc khu"] == 13);
    // Parsed once: the same object every time.
    CHECK(&official_units(engine::AdminMap::two_tier) == &now);
}

TEST_CASE("units: the 2025 list has communes under their province, each with its own region", "[units]") {
    const AdminUnits& now = official_units(engine::AdminMap::two_tier);
    const std::uint32_t da_nang = now.find(EntityKind::tinh, "48");
    REQUIRE(da_nang != kNone);
    CHECK(now.units[da_nang].name == "Đà Nẵng");
    CHECK(now.units[da_nang].type == "Thành phố trực thuộc trung ương");
    CHECK(now.units[da_nang].region == Region::DHNTB);
    CHECK(now.full_name(da_nang) == "Thành phố Đà Nẵng");
    const std::uint32_t tay_ho = now.find(EntityKind::xa, "20380");
    REQUIRE(tay_ho != kNone);
    CHECK(now.units[tay_ho].parent == da_nang);
    CHECK(now.full_name(tay_ho) == "Xã Tây Hồ");
    // Gia Lai took in Bình Định: its communes keep the region they came from.
    const std::uint32_t gia_lai = now.find(EntityKind::tinh, "52");
    REQUIRE(gia_lai != kNone);
    std::set<Region> regions;
    for (const Unit& u : now.units) {
        if (u.parent == gia_lai) regions.insert(u.region);
    }
    CHECK(regions == std::set<Region>{Region::DHNTB, Region::TN});
    const std::uint32_t van_don = now.named(EntityKind::xa, "Vân Đồn").at(0);
    CHECK(now.units[van_don].type == "Đặc khu");
    CHECK(now.full_name(van_don) == "Đặc khu Vân Đồn");
}

TEST_CASE("units: named finds units by name, folded, with or without their type", "[units]") {
    const AdminUnits& old = official_units(engine::AdminMap::three_tier);
    const std::vector<std::uint32_t> tam_an = old.named(EntityKind::xa, "Tam An");
    REQUIRE(tam_an.size() == 3);  // Phú Ninh, Long Thành, Long Đất: in file order
    CHECK(old.units[tam_an[0]].code == "20368");
    CHECK(old.units[tam_an[1]].code == "26398");
    CHECK(old.units[tam_an[2]].code == "26668");
    CHECK(old.named(EntityKind::xa, "  TAM  an ") == tam_an);
    CHECK(old.named(EntityKind::xa, "Xã Tam An") == tam_an);
    CHECK(old.named(EntityKind::xa, "Phường Tam An").empty());
    CHECK(old.named(EntityKind::huyen, "Tam An").empty());
    CHECK(old.named(EntityKind::xa, "Tam").empty());
    const std::vector<std::uint32_t> quang_nam = old.named(EntityKind::tinh, "Tỉnh Quảng Nam");
    REQUIRE(quang_nam.size() == 1);
    CHECK(old.full_name(quang_nam[0]) == "Tỉnh Quảng Nam");
    CHECK(old.full_name(old.named(EntityKind::huyen, "Phú Ninh").at(0)) == "Huyện Phú Ninh");
    CHECK(old.full_name(old.named(EntityKind::tinh, "Hà Nội").at(0)) == "Thành phố Hà Nội");
    CHECK(old.full_name(kNone).empty());
}

TEST_CASE("units: the index by name is made once, on the first question, from any thread", "[units]") {
    std::vector<ntm::text::Problem> problems;
    const AdminUnits list = read_units(write_units("by-name.csv", header(',') + "\n" +
                                                   "49,Tỉnh Quảng Nam,DHNTB,518,Huyện Phú Ninh,Huyện,20368,Xã Tam An,Xã\n" +
                                                   "49,Tỉnh Quảng Nam,DHNTB,518,Huyện Phú Ninh,Huyện,20365,Xã Tam Thành,Xã\n" +
                                                   "49,Tỉnh Quảng Nam,DHNTB,519,Huyện Núi Thành,Huyện,20401,Xã Tam An,Xã\n"),
                                       problems);
    REQUIRE(problems.empty());
    // Two threads ask at once; each finds both Tam An, in file order.
    std::vector<std::uint32_t> a, b;
    std::thread other([&] { a = list.named(EntityKind::xa, "Tam An"); });
    b = list.named(EntityKind::xa, "xã tam an");
    other.join();
    REQUIRE(a.size() == 2);
    CHECK(list.units[a[0]].code == "20368");
    CHECK(list.units[a[1]].code == "20401");
    CHECK(b == a);
    // A copy answers the same; a list read again is indexed afresh.
    const AdminUnits copy = list;
    CHECK(copy.named(EntityKind::huyen, "Núi Thành").size() == 1);
    const AdminUnits again = read_units(write_units("by-name-2.csv", header(',') + "\n" +
                                                    "49,Tỉnh Quảng Nam,DHNTB,518,Huyện Phú Ninh,Huyện,20365,Xã Tam Thành,Xã\n"),
                                        problems);
    CHECK(again.named(EntityKind::xa, "Tam An").empty());
    CHECK(again.named(EntityKind::xa, "Tam Thành").size() == 1);
}

TEST_CASE("units: the 2025 layout is told by its header; its mistakes are located", "[units]") {
    const std::string head = "province_code,province,commune_code,commune,commune_type,old_regions\n";
    const AdminUnits ok = read_ok("new.csv", head +
                                                 "48,Thành phố Đà Nẵng,20380,Xã Tây Hồ,Xã,DHNTB\n"
                                                 "52,Tỉnh Gia Lai,21550,Phường Quy Nhơn,Phường,DHNTB\n"
                                                 "52,Tỉnh Gia Lai,23200,Xã Ia Hrú,Xã,TN\n"
                                                 "52,Tỉnh Gia Lai,23201,Xã Ia Le,Xã,TN; DHNTB\n");
    CHECK(ok.map == engine::AdminMap::two_tier);
    REQUIRE(ok.units.size() == 6);
    CHECK(ok.units[2].kind == EntityKind::tinh);
    CHECK(ok.units[2].region == Region::TN);  // two TN communes of three
    CHECK(ok.units[3].parent == 2);
    CHECK(ok.units[3].region == Region::DHNTB);
    CHECK(ok.units[5].region == Region::TN);  // the first of its old regions

    std::vector<text::Problem> problems;
    parse_units("bad.csv",
                head + "48,Thành phố Đà Nẵng,20380,Xã Tây Hồ,Huyện,DHNTB\n"
                       "48,Thành phố Đà Nẵng,2038x,Xã Tây Hồ,Xã,DHNT\n"
                       "48,Thành phố Đà Nẵng,20380,Xã Tây Hồ,Xã,DHNTB\n"
                       "48,Thành phố Đà Nẵng,20380,Xã Tây Hồ,Xã,DHNTB\n"
                       "48,Thành phố Đà Nẵng,20381,Xã Tây Hồ,Xã,\n",
                problems);
    REQUIRE(problems.size() == 5);
    CHECK(text::render(problems[0], ntm::text::Lang::en) ==
          "bad.csv:2: error: field 'commune_type': unknown type 'Huyện' (Xã, Phường, Đặc khu)\n");
    CHECK(problems[1].where.line == 3);
    CHECK(problems[1].where.field == "commune_code");
    CHECK(problems[2].where.field == "old_regions");
    CHECK(problems[2].message.en().find("DHNT") != std::string::npos);
    CHECK(text::render(problems[3], ntm::text::Lang::en) == "bad.csv:5: error: field 'commune_code': commune '20380' is given twice; first on line 4\n");
    CHECK(text::render(problems[4], ntm::text::Lang::en) == "bad.csv:6: error: field 'old_regions': empty\n");

    problems.clear();
    parse_units("half.csv", "province_code,province,commune_code,commune,old_regions\n", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].message.en() ==
          "the header has no 'commune_type' column (expected: province_code, province, commune_code, commune, "
          "commune_type, old_regions)");
}
