// Two maps in one dataset: the map of a record (its `map` field, else by year), the hierarchy
// each allows, and codes, names and parents checked against the official lists.
#include <catch2/catch.hpp>

#include "data/units.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using engine::AdminMap;
using support::load;
using support::problem_lines;
using support::write_temp;

namespace {

const std::string kHeader = "code,name,type,parent,region,year,hai_long\n";

bool has(const std::vector<std::string>& lines, const std::string& part) {
    for (const std::string& l : lines) {
        if (l.find(part) != std::string::npos) return true;
    }
    return false;
}


}  // namespace

TEST_CASE("a code on each map is two entities, each under the parent of its own map", "[data][maps]") {
    const engine::Dataset ds = load(write_temp("two-maps.csv", kHeader +
                                                                   "49,Quảng Nam,Tỉnh,,DHNTB,2024,\n"
                                                                   "518,Phú Ninh,Huyện,49,,2024,\n"
                                                                   "20368,Tam An,Xã,518,,2024,95\n"
                                                                   "48,Đà Nẵng,Thành phố trực thuộc trung ương,,DHNTB,2026,\n"
                                                                   "20368,Phú Ninh,Xã,48,,2026,92\n"));
    INFO(Catch::Detail::stringify(problem_lines(ds)));
    CHECK(ds.problems.empty());
    REQUIRE(ds.entities.size() == 5);
    const std::uint32_t old_xa = ds.find("20368", AdminMap::three_tier);
    const std::uint32_t new_xa = ds.find("20368", AdminMap::two_tier);
    REQUIRE(old_xa != engine::kNone);
    REQUIRE(new_xa != engine::kNone);
    CHECK(old_xa != new_xa);
    CHECK(ds.entities[old_xa].name == "Tam An");
    CHECK(ds.entities[new_xa].name == "Phú Ninh");
    CHECK(ds.entities[ds.entities[old_xa].parent].code == "518");
    CHECK(ds.entities[ds.entities[new_xa].parent].code == "48");
    CHECK(ds.entities[new_xa].region == engine::Region::DHNTB);
    CHECK(ds.find("20368") == old_xa);  // the first in file order
}

TEST_CASE("the map field puts a 2024 record on the two-tier map", "[data][maps]") {
    const engine::Dataset ds = load(write_temp("map-field.csv", "code,name,type,parent,region,year,bản đồ,hai_long\n"
                                                                "48,Đà Nẵng,Tỉnh,,DHNTB,2024,2 cấp,\n"
                                                                "20368,Phú Ninh,Xã,48,,2024,hai cap,92\n"));
    INFO(Catch::Detail::stringify(problem_lines(ds)));
    CHECK(ds.problems.empty());
    REQUIRE(ds.records.size() == 2);
    CHECK(ds.entities[1].map == AdminMap::two_tier);
}

TEST_CASE("each map rejects what it cannot hold, saying why", "[data][maps]") {
    const engine::Dataset ds = load(write_temp("map-errors.csv", "code,name,type,parent,region,year,map,hai_long\n"
                                                                 "48,Đà Nẵng,Tỉnh,,DHNTB,2026,,\n"
                                                                 "20368,Phú Ninh,Xã,48,,2024,,92\n"     // commune under a province in 2024
                                                                 "518,Phú Ninh,Huyện,48,,2026,,\n"      // a district in 2026
                                                                 "49,Quảng Nam,Tỉnh,,DHNTB,2026,3 cấp,\n"  // old map in 2026
                                                                 "50,X,Tỉnh,,DHNTB,2024,bốn cấp,\n"));  // unknown map
    const std::vector<std::string> lines = problem_lines(ds);
    INFO(Catch::Detail::stringify(lines));
    CHECK(has(lines, "3 D0106 record parent: unknown parent '48' of '20368' on map '3 cấp': '48' is given on line 2 for map '2 cấp'"));
    CHECK(has(lines, "4 D0114 record type: '518' is a huyen on map '2 cấp'"));
    CHECK(has(lines, "5 D0114 record map: '49' is on map '3 cấp' in 2026"));
    CHECK(has(lines, "6 D0113 record map: unknown map 'bốn cấp' of '50'"));
    CHECK(ds.rejected == 4);
    CHECK(ds.read == 5);
}

TEST_CASE("a commune under a province on the three-tier map gets a hint to the map field", "[data][maps]") {
    const engine::Dataset ds = load(write_temp("map-hint.csv", kHeader +
                                                                   "48,Đà Nẵng,Tỉnh,,DHNTB,2024,\n"
                                                                   "20368,Phú Ninh,Xã,48,,2024,92\n"));
    const std::vector<std::string> lines = problem_lines(ds);
    INFO(Catch::Detail::stringify(lines));
    CHECK(has(lines, "D0107 record parent: parent '48' of '20368' is a tinh; the parent of a xa must be a huyen (map '3 cấp'); "
                     "from 01/7/2025 communes sit under the province: write '2 cấp' in 'map'"));
}

TEST_CASE("JSON entities take the map of their years, and may not straddle the change", "[data][maps]") {
    const engine::Dataset ds = load(write_temp("maps.json", R"({"format": "ntm-data", "version": 1, "entities": [
      {"code": "48", "type": "Tỉnh", "region": "DHNTB", "values": {"2026": {}}},
      {"code": "20368", "type": "Xã", "parent": "48", "values": {"2026": {"hai_long": 92}}},
      {"code": "20371", "type": "Xã", "parent": "48", "values": {"2024": {"hai_long": 90}, "2026": {"hai_long": 92}}}
    ]})"));
    const std::vector<std::string> lines = problem_lines(ds);
    INFO(Catch::Detail::stringify(lines));
    CHECK(has(lines, "D0114 record map: '20371' has values for 2024 and 2026"));
    REQUIRE(ds.find("20368") != engine::kNone);
    CHECK(ds.entities[ds.find("20368")].map == AdminMap::two_tier);
}

TEST_CASE("codes, names and parents are checked against the official list of each map", "[data][maps][units]") {
    const engine::Dataset ds = load(write_temp("official.csv", kHeader +
                                                                   "49,Quảng Nam,Tỉnh,,DHNTB,2024,\n"
                                                                   "518,Phú Ninh,Huyện,49,,2024,\n"
                                                                   "20368,Tam An,Xã,518,,2024,95\n"
                                                                   "20999,Tam Đàn,Xã,518,,2024,95\n"    // unknown code
                                                                   "20365,Tam Anh,Xã,518,,2024,95\n"    // another name
                                                                   "20371,Tam Phú,Xã,518,,2024,95\n"    // another parent
                                                                   "48,Đà Nẵng,Thành phố trực thuộc trung ương,,DHNTB,2026,\n"
                                                                   "20392,Phú Ninh,Xã,48,,2026,92\n"
                                                                   "20368,Tam An,Xã,48,,2026,92\n"),    // no longer a code
                                    support::official_lists());
    const std::vector<std::string> lines = problem_lines(ds);
    INFO(Catch::Detail::stringify(lines));
    CHECK(has(lines, "5 D0115 record code: '20999' is not the code of a xa in units/vn-admin-units.csv (map '3 cấp'); "
                     "did you mean '20374' Xã Tam Đàn, Huyện Phú Ninh?"));
    CHECK(has(lines, "6 D0116 record name: '20365' is the code of Xã Tam Thành in units/vn-admin-units.csv (map '3 cấp'), "
                     "not of 'Tam Anh'"));
    CHECK(has(lines, "7 D0117 record parent: '20371' Xã Tam Phú lies in '502' Thành phố Tam Kỳ in units/vn-admin-units.csv "
                     "(map '3 cấp'), not in '518'"));
    CHECK(has(lines, "10 D0115 record code: '20368' is not the code of a xa in units/vn-admin-units-2025.csv (map '2 cấp')"));
    CHECK(ds.rejected == 4);
    CHECK(ds.find("20392", AdminMap::two_tier) != engine::kNone);
    CHECK(ds.find("20368", AdminMap::three_tier) != engine::kNone);
}

TEST_CASE("estimated values are marked per record and slot, and survey what the schema knows", "[data][maps]") {
    const engine::Dataset ds = load(write_temp("estimated.csv", "code,name,type,parent,region,year,estimated,hai_long,2.1\n"
                                                                "20368,Tam An,Xã,,DHNTB,2024,hai_long; khong_co,95,80\n"
                                                                "20371,Tam Thành,Xã,,DHNTB,2024,,90,70\n"));
    const std::vector<std::string> lines = problem_lines(ds);
    INFO(Catch::Detail::stringify(lines));
    CHECK(has(lines, "2 D0209 warning estimated: 'khong_co' is not an input of a xa"));
    const engine::Schema& schema = support::schema();
    const std::uint32_t hai_long = schema.find(engine::EntityKind::xa, "hai_long")->slot;
    const std::uint32_t road = schema.find(engine::EntityKind::xa, "2.1")->slot;
    REQUIRE(ds.records.size() == 2);
    CHECK(ds.is_estimate(ds.records[0], hai_long));
    CHECK_FALSE(ds.is_estimate(ds.records[0], road));
    CHECK_FALSE(ds.is_estimate(ds.records[1], hai_long));
}

TEST_CASE("a code on both maps is found by its code and map, each entity its own", "[data][maps]") {
    // Found by fuzzing: 20800 on the three-tier map (2024) and again on the two-tier map (a
    // year typed 2204); find(code) alone cannot tell them apart.
    const std::string path = std::string(NTM_SOURCE_DIR) + "/fuzz/regressions/csv/same-code-on-both-maps.csv";
    const engine::Dataset ds = load(path);
    bool both = false;
    for (std::uint32_t e = 0; e < ds.entities.size(); ++e) {
        const engine::Entity& en = ds.entities[e];
        CHECK(ds.find(en.code, en.map) == e);
        both = both || ds.find(en.code, en.map == AdminMap::two_tier ? AdminMap::three_tier : AdminMap::two_tier) !=
                           engine::kNone;
    }
    CHECK(both);
}
