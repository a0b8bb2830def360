// The conversion table old → new communes (data/merge_table.hpp): the bundled table, its parts
// by new commune, and every mistake of a user's table located by line and column.
#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

#include "data/merge_table.hpp"
#include "data/units.hpp"

using namespace ntm;
using namespace ntm::data;

namespace {

const std::string kHeader =
    "province_code,commune_code,commune,old_commune_code,old_commune,old_district_code,old_district,"
    "old_province_code,old_province,kind,note\n";

}  // namespace

TEST_CASE("merge table: the bundled table parses with no problem and holds every row", "[merge]") {
    const MergeTable& t = official_merge_table();
    CHECK(t.path == "units/vn-commune-merge-2025.csv");
    CHECK(t.parts.size() == 10571);
    CHECK(t.by_code.size() == 3321);
    CHECK(&official_merge_table() == &t);
    // Every new commune of the table is in the 2025 list, and the other way round.
    const AdminUnits& now = official_units(engine::AdminMap::two_tier);
    for (const auto& [code, range] : t.by_code) CHECK(now.find(EntityKind::xa, code) != kNone);
    std::size_t partial_parts = 0;
    for (const MergePart& p : t.parts) partial_parts += partial(p.kind);
    CHECK(partial_parts == 826 + 83 + 2 + 58);
}

TEST_CASE("merge table: Đà Nẵng after 2025 holds the communes made from Quảng Nam's", "[merge]") {
    const MergeTable& t = official_merge_table();
    const AdminUnits& now = official_units(engine::AdminMap::two_tier);
    const AdminUnits& old = official_units(engine::AdminMap::three_tier);
    std::set<std::string> from_quang_nam;
    for (const MergePart& p : t.parts) {
        if (p.old_province_code != "49") continue;
        CHECK(p.province_code == "48");
        CHECK(old.find(EntityKind::xa, p.old_code) != kNone);
        from_quang_nam.insert(p.code);
    }
    CHECK(from_quang_nam.size() > 50);
    const std::uint32_t da_nang = now.find(EntityKind::tinh, "48");
    for (const std::string& code : from_quang_nam) {
        const std::uint32_t u = now.find(EntityKind::xa, code);
        REQUIRE(u != kNone);
        CHECK(now.units[u].parent == da_nang);
    }

    // Tây Hồ (20380): Tam Thành, Tam An and the rest of Phú Ninh's communes, whole.
    const std::vector<std::uint32_t> parts = t.parts_of("20380");
    REQUIRE(parts.size() >= 2);
    for (std::size_t i = 1; i < parts.size(); ++i) CHECK(parts[i] == parts[i - 1] + 1);
    const MergePart& first = t.parts[parts[0]];
    CHECK(first.code == "20380");
    CHECK(first.name == "Tây Hồ");
    CHECK(first.type == "Xã");
    CHECK(first.province_code == "48");
    CHECK(first.old_code == "20365");
    CHECK(first.old_name == "Tam Thành");
    CHECK(first.old_type == "Xã");
    CHECK(first.old_district_code == "518");
    CHECK(first.old_district == "Huyện Phú Ninh");
    CHECK(first.old_province == "Tỉnh Quảng Nam");
    CHECK(first.kind == MergeKind::whole);
    CHECK(first.note == "Nhập toàn bộ");
    CHECK(t.parts_of("99999").empty());
}

TEST_CASE("merge table: kinds, their keys and their words", "[merge]") {
    CHECK(merge_kind_key(MergeKind::part_area_whole_population) == "part_area_whole_population");
    CHECK(merge_kind_words(MergeKind::whole) == "nhập toàn bộ");
    CHECK(merge_kind_words(MergeKind::part) == "nhập một phần");
    CHECK(merge_kind_words(MergeKind::part_area) == "nhập một phần diện tích");
    CHECK(merge_kind_words(MergeKind::unchanged) == "giữ nguyên");
    CHECK(partial(MergeKind::part_population));
    CHECK(partial(MergeKind::part_area_whole_population));
    CHECK_FALSE(partial(MergeKind::whole));
    CHECK_FALSE(partial(MergeKind::renamed));
}

TEST_CASE("merge table: types written in lower case, no old commune for a whole district", "[merge]") {
    std::vector<text::Problem> problems;
    const MergeTable t = parse_merge_table(
        "t.csv",
        kHeader + "56,22330,Phường Nha Trang,22330,phường Vĩnh Hải,568,Thành phố Nha Trang,56,Tỉnh Khánh Hòa,whole,\n"
                  "56,22330,Phường Nha Trang,22331,Thị Trấn Yên,568,Thành phố Nha Trang,56,Tỉnh Khánh Hòa,part,x\n"
                  "31,11950,Đặc khu Bạch Long Vĩ,00000,,311,Huyện Bạch Long Vĩ,31,Thành phố Hải Phòng,whole,y\n",
        problems);
    INFO(text::render(problems, ntm::text::Lang::en));
    REQUIRE(problems.empty());
    REQUIRE(t.parts.size() == 3);
    CHECK(t.parts[0].old_type == "Phường");
    CHECK(t.parts[0].old_name == "Vĩnh Hải");
    CHECK(t.parts[1].old_type == "Thị trấn");
    CHECK(t.parts[1].old_name == "Yên");
    CHECK(t.parts[2].type == "Đặc khu");
    CHECK(t.parts[2].name == "Bạch Long Vĩ");
    CHECK(t.parts[2].old_name.empty());
    CHECK(t.parts_of("22330") == std::vector<std::uint32_t>{0, 1});
}

TEST_CASE("merge table: every bad row is a problem with its line and column", "[merge]") {
    std::vector<text::Problem> problems;
    parse_merge_table("bad.csv",
                      kHeader + "48,20380,Xã Tây Hồ,20365,Xã Tam Thành,518,Huyện Phú Ninh,49,Tỉnh Quảng Nam,whole,\n"
                                "48,20380,Xã Tây Hồ,20365,Xã Tam Thành,518,Huyện Phú Ninh,49,Tỉnh Quảng Nam,whole,\n"
                                "48,20380,Xã Tây Hồ,20368,Xã Tam An,518,Huyện Phú Ninh,49,Tỉnh Quảng Nam,wholle,\n"
                                "48,20381,Tây Sơn,20369,Xã Tam Dân,518,Huyện Phú Ninh,49,Tỉnh Quảng Nam,part,\n"
                                "48,20382,Xã Tây Sơn,2037x,Xã Tam Lộc,518,,49,Tỉnh Quảng Nam,part,\n"
                                "48,20380,Xã Tây Hồ,20371,Xã Tam Phước,518,Huyện Phú Ninh,49,Tỉnh Quảng Nam,whole,\n"
                                "48,20383,Phường Tây Hồ,20372,,518,Huyện Phú Ninh,49,Tỉnh Quảng Nam,whole,\n"
                                "48,20383\n"
                                "48,20384,Xã Hà Lam,20373,Xã A,518,Huyện Phú Ninh,49,Tỉnh Quảng Nam,whole,\n"
                                "49,20384,Xã Hà Lam,20374,Xã B,518,Huyện Phú Ninh,49,Tỉnh Quảng Nam,whole,\n",
                      problems);
    std::vector<std::string> lines;
    for (const text::Problem& p : problems) lines.push_back(text::render(p, ntm::text::Lang::en));
    CHECK(lines == std::vector<std::string>{
                       "bad.csv:3: error: field 'old_commune_code': old commune '20365' is given twice for commune "
                       "'20380'; first on line 2\n",
                       "bad.csv:4: error: field 'kind': unknown kind 'wholle' (whole, part, part_area, "
                       "part_population, part_area_whole_population, unchanged, renamed, retyped); did you mean "
                       "'whole'?\n",
                       "bad.csv:5: error: field 'commune': commune 'Tây Sơn' does not start with its type (Xã, "
                       "Phường, Đặc khu)\n",
                       "bad.csv:6: error: field 'old_commune_code': code '2037x' is not made of digits\n",
                       "bad.csv:6: error: field 'old_district': empty\n",
                       "bad.csv:7: error: field 'commune_code': the parts of commune '20380' are not consecutive: "
                       "they began on line 2 and other communes come between\n",
                       "bad.csv:8: error: field 'old_commune': empty\n",
                       "bad.csv:9: error: row has 2 cells but the header has 11\n",
                       "bad.csv:11: error: field 'province_code': commune '20384' is 'Xã Hà Lam' of province '49' "
                       "here but 'Xã Hà Lam' of province '48' on line 10\n",
                   });

    problems.clear();
    parse_merge_table("h.csv", "province_code,commune_code,commune\n48,1,Xã A\n", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].where.line == 1);
    CHECK(problems[0].where.field == "old_commune_code");

    problems.clear();
    parse_merge_table("q.csv", kHeader + "48,\"20380\n", problems);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].where.line == 2);
}
