// Dated assignments: the body in charge of a criterion or indicator, and the member in charge
// of a locality, come only from the assignments blocks valid in the year judged.
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::engine;

namespace {

const char* const kRules = R"(data xa { field hai_long: percent }
set s "Bộ thử" {
  for xa
  valid 2021..2035
  criterion 2 "Giao thông" {
    indicator 2.2 "Đường" { unit percent require >= 80 }
  }
  criterion 10 "Thu nhập" {
    indicator 10 "Thu nhập" { unit percent require >= 50 }
  }
}
level dat_chuan "Xã đạt chuẩn" { for xa meets s }
body so_gtvt "Sở Giao thông vận tải"
body so_xd "Sở Xây dựng"
body so_nnptnt "Sở Nông nghiệp và Phát triển nông thôn"
body so_nnmt "Sở Nông nghiệp và Môi trường"
body so_gtvt_49 "Sở Giao thông vận tải tỉnh 49"
body so_xd_49 "Sở Xây dựng tỉnh 49"
member pbt "Phó Bí thư"
member ct "Chủ tịch"
assignments truoc "Trước khi hợp nhất các Sở" {
  sets s
  valid 2021..2024
  criterion 2 -> so_gtvt
  criterion 10 -> so_nnptnt
  locality "100" -> pbt
}
assignments sau "Sau khi hợp nhất các Sở" {
  sets s
  valid 2025..2030
  criterion 2 -> so_xd
  indicator 10 -> so_nnmt
  locality "100" -> ct
}
assignments tinh_truoc "Tỉnh 49, trước" {
  sets s
  valid 2021..2024
  locality "49"
  criterion 2 -> so_gtvt_49
}
assignments tinh_sau "Tỉnh 49, sau" {
  sets s
  valid 2025..2030
  locality "49"
  criterion 2 -> so_xd_49
}
)";

struct Judged {
    std::string criterion2, indicator22, indicator10, member;
};

// Explains commune `code` (of province `province`, or none) judged in `year`.
Judged judge(const support::CompiledRules& r, const std::string& code, const std::string& province, int year,
             AdminMap map = AdminMap::three_tier) {
    Dataset data;
    if (!province.empty()) {
        Entity p;
        p.code = province;
        p.name = "Tỉnh " + province;
        p.type = "Tỉnh";
        p.kind = EntityKind::tinh;
        p.region = Region::DHNTB;
        p.map = map;
        support::add_entity(data, r.program.schema, std::move(p), year, {});
    }
    Entity e;
    e.code = code;
    e.name = "Xã " + code;
    e.type = "Xã";
    e.kind = EntityKind::xa;
    e.parent_code = province;
    e.region = Region::DHNTB;
    e.map = map;
    const std::uint32_t entity =
        support::add_entity(data, r.program.schema, std::move(e), year, {{"2.2", 70}, {"10", 40}});
    const Evaluation ev = evaluate(r.program, data, {year, 1, kNone});
    const EntityExplanation x = explain(r.program, data, ev, support::result_of(data, ev, code));
    REQUIRE(data.entities[entity].code == code);
    const CriterionExplanation& c2 = x.levels.at(0).criteria.at(0);
    const CriterionExplanation& c10 = x.levels.at(0).criteria.at(1);
    return {std::string(c2.responsible), std::string(c2.indicators.at(0).responsible),
            std::string(c10.indicators.at(0).responsible), x.member};
}

}  // namespace

TEST_CASE("engine: assignments count only in the years they are valid") {
    const support::CompiledRules r = support::compile_rules_text(kRules);

    SECTION("before the departments merged: the old bodies and member") {
        const Judged j = judge(r, "100", "", 2024);
        CHECK(j.criterion2 == "Sở Giao thông vận tải");
        CHECK(j.indicator22 == "Sở Giao thông vận tải");
        CHECK(j.indicator10 == "Sở Nông nghiệp và Phát triển nông thôn");
        CHECK(j.member == "Phó Bí thư");
    }
    SECTION("from 2025: today's bodies; an indicator's assignment still wins over its criterion's") {
        const Judged j = judge(r, "100", "", 2025);
        CHECK(j.criterion2 == "Sở Xây dựng");
        CHECK(j.indicator22 == "Sở Xây dựng");
        CHECK(j.indicator10 == "Sở Nông nghiệp và Môi trường");
        CHECK(j.member == "Chủ tịch");
    }
    SECTION("a province's blocks, each in its own years") {
        CHECK(judge(r, "200", "49", 2023).criterion2 == "Sở Giao thông vận tải tỉnh 49");
        CHECK(judge(r, "200", "49", 2026).criterion2 == "Sở Xây dựng tỉnh 49");
    }
    SECTION("a unit of the map since 01/7/2025 judged on data of an earlier year: today's bodies") {
        const Judged j = judge(r, "100", "", 2024, AdminMap::two_tier);
        CHECK(j.criterion2 == "Sở Xây dựng");
        CHECK(j.indicator10 == "Sở Nông nghiệp và Môi trường");
        CHECK(j.member == "Chủ tịch");
        CHECK(judge(r, "200", "49", 2024, AdminMap::two_tier).criterion2 == "Sở Xây dựng tỉnh 49");
    }
    SECTION("no block valid in the year: nobody is named") {
        const Judged j = judge(r, "100", "", 2031);
        CHECK(j.criterion2.empty());
        CHECK(j.member.empty());
    }
}
