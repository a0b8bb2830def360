// A district's own workbook: its communes under the district's code, with neither the district
// nor the province in the file.  The parents come from the official list (D0303, a warning), so
// the communes get their region and their province — and its own criteria sets.
#include <catch2/catch.hpp>

#include "data/units.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using engine::AdminMap;
using support::load;
using support::problem_lines;
using support::write_temp;

TEST_CASE("a district's workbook: the district and the province come from the official list", "[data][maps]") {
    const engine::Dataset ds = load(write_temp("huyen.csv", "code,name,type,parent,year,hai_long\n"
                                                            "20365,Tam Thành,Xã,518,2024,90\n"
                                                            "20368,Tam An,Xã,518,2024,95\n"),
                                    support::official_lists());
    const auto lines = problem_lines(ds);
    INFO(Catch::Detail::stringify(lines));
    REQUIRE(lines.size() == 1);  // one warning, on the first commune that needed them
    CHECK(lines[0].find("2 D0303 warning parent: the parents of '20365' are not in the file: '518' Huyện Phú Ninh, "
                        "'49' Tỉnh Quảng Nam taken from") == 0);
    CHECK(ds.records.size() == 2);
    const std::uint32_t xa = ds.find("20368");
    REQUIRE(xa != engine::kNone);
    const engine::Entity& huyen = ds.entities[ds.entities[xa].parent];
    CHECK(huyen.code == "518");
    CHECK(huyen.kind == engine::EntityKind::huyen);
    REQUIRE(huyen.parent != engine::kNone);
    CHECK(ds.entities[huyen.parent].code == "49");
    CHECK(ds.entities[xa].region == engine::Region::DHNTB);  // inherited from the province
}

TEST_CASE("a commune with no parent gets the one the official list gives it", "[data][maps]") {
    const engine::Dataset ds = load(write_temp("xa.csv", "code,name,type,year,hai_long\n"
                                                         "20368,Tam An,Xã,2024,95\n"),
                                    support::official_lists());
    INFO(Catch::Detail::stringify(problem_lines(ds)));
    REQUIRE(ds.records.size() == 1);
    const engine::Entity& xa = ds.entities[ds.find("20368")];
    CHECK(xa.parent_code == "518");
    CHECK(ds.entities[xa.parent].code == "518");
    CHECK(xa.region == engine::Region::DHNTB);
}

TEST_CASE("a parent the official list does not give stays an error", "[data][maps]") {
    const engine::Dataset ds = load(write_temp("sai.csv", "code,name,type,parent,year,hai_long\n"
                                                          "20368,Tam An,Xã,513,2024,95\n"),
                                    support::official_lists());
    const auto lines = problem_lines(ds);
    INFO(Catch::Detail::stringify(lines));
    CHECK(ds.records.empty());
    REQUIRE_FALSE(lines.empty());
    CHECK(lines[0].find("D0106") != std::string::npos);
    CHECK(ds.find("513") == engine::kNone);  // nothing added
}

TEST_CASE("without the official lists nothing is added", "[data][maps]") {
    const engine::Dataset ds = load(write_temp("huyen-none.csv", "code,name,type,parent,year,hai_long\n"
                                                                 "20368,Tam An,Xã,518,2024,95\n"));
    CHECK(ds.records.empty());
    CHECK(ds.find("518") == engine::kNone);
}
