// Thresholds by category (commune groups of QĐ 51/2025/QĐ-TTg): the group each commune is in,
// on a boundary, undecided for want of data — and then met or not met only when the value
// passes or fails under every group it may be in — with the explanation of why.
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <string>

#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::engine;

namespace {

const char* const kRules = R"(data xa {
  field ty_trong "Tỷ trọng nông nghiệp": percent
  field giap_do_thi "Giáp đô thị": yesno
  field khu_vuc: number
  field duong: percent
  derive ty_trong_nua: percent = ty_trong / 2
}
category nhom_xa "Nhóm xã" {
  for xa
  nhom_1 "Nhóm 1: xã có xu hướng đô thị hóa" when ty_trong < 10% or giap_do_thi
  nhom_3 "Nhóm 3: xã khu vực II, III" when khu_vuc >= 2
  nhom_2 "Nhóm 2: các xã còn lại" otherwise
}
category dao "Xã đảo" {
  for xa
  dao_co "Xã đảo" when ty_trong_nua > 35
  dao_khong "Xã không phải đảo" otherwise
}
set s "Bộ thử" {
  for xa
  valid 2026..2030
  criterion 2 "Giao thông" {
    indicator 2.1 "Đường" {
      unit percent
      value duong
      require >= by nhom_xa { nhom_1: 100  nhom_2: 90  nhom_3: 70 }
    }
    indicator 2.2 "Đường theo năm" {
      unit percent
      value duong
      require >= by year { 2026..2027: by nhom_xa { nhom_1: 95  nhom_2: 85  nhom_3: 60 }  2028..2030: 50 }
    }
    indicator 2.3 "Đường, theo hai chiều" {
      unit percent
      value duong
      require >= by dao { dao_co: 10  dao_khong: by nhom_xa { nhom_1: 100  nhom_2: 90  nhom_3: 70 } }
    }
  }
}
level dat_chuan "Xã đạt chuẩn" { for xa meets s }
)";

const support::CompiledRules& rules() {
    static const support::CompiledRules r = support::compile_rules_text(kRules);
    return r;
}

struct Judged {
    Dataset data;
    Evaluation ev;
    std::uint32_t result = 0;

    std::uint32_t group() const { return ev.categories.at(ev.entities.at(result).first_category + 0); }
    const IndicatorResult& indicator(std::size_t i) const {
        return ev.indicators.at(ev.levels.at(ev.entities.at(result).first_level).first_indicator + i);
    }
    EntityExplanation explained() const { return explain(rules().program, data, ev, result); }
};

Judged judge(const std::map<std::string, double>& values, int year = 2026) {
    Judged j;
    Entity e;
    e.code = "1";
    e.name = "Xã Một";
    e.type = "Xã";
    e.kind = EntityKind::xa;
    e.region = Region::DHNTB;
    support::add_entity(j.data, rules().program.schema, std::move(e), year, values);
    j.ev = evaluate(rules().program, j.data, {year, 1, kNone});
    j.result = support::result_of(j.data, j.ev, "1");
    return j;
}

}  // namespace

TEST_CASE("categories: each commune is in the first group whose condition holds", "[categories]") {
    SECTION("group 1 by its share of farming; its threshold is 100") {
        const Judged j = judge({{"ty_trong", 8}, {"giap_do_thi", 0}, {"khu_vuc", 3}, {"duong", 95}});
        CHECK(j.group() == 0);
        CHECK(j.indicator(0).status == Status::not_met);
        CHECK(j.indicator(0).low == 100);
        CHECK(j.indicator(0).gap == Approx(5));
        CHECK_FALSE(j.indicator(0).category_unknown);
    }
    SECTION("group 3 before the `otherwise`; its threshold is 70") {
        const Judged j = judge({{"ty_trong", 40}, {"giap_do_thi", 0}, {"khu_vuc", 3}, {"duong", 75}});
        CHECK(j.group() == 1);  // members in written order: nhom_1, nhom_3, nhom_2
        CHECK(j.indicator(0).status == Status::met);
        CHECK(j.indicator(0).low == 70);
        CHECK(j.indicator(1).low == 60);  // by year, then by group
    }
    SECTION("group 2 otherwise; its threshold is 90") {
        const Judged j = judge({{"ty_trong", 40}, {"giap_do_thi", 0}, {"khu_vuc", 1}, {"duong", 89}});
        CHECK(j.group() == 2);
        CHECK(j.indicator(0).status == Status::not_met);
        CHECK(j.indicator(0).low == 90);
    }
    SECTION("on the boundaries: 10 % is not below 10 %, area 2 is group 3") {
        const Judged j = judge({{"ty_trong", 10}, {"giap_do_thi", 0}, {"khu_vuc", 2}, {"duong", 70}});
        CHECK(j.group() == 1);
        CHECK(j.indicator(0).status == Status::met);
    }
    SECTION("a condition that holds decides, whatever later ones lack") {
        const Judged j = judge({{"ty_trong", 40}, {"giap_do_thi", 1}, {"duong", 100}});
        CHECK(j.group() == 0);
        CHECK(j.indicator(0).status == Status::met);
    }
    SECTION("a condition may read a derived value") {
        const Judged j = judge({{"ty_trong", 80}, {"giap_do_thi", 0}, {"khu_vuc", 1}, {"duong", 12}});
        CHECK(j.ev.categories.at(j.ev.entities.at(j.result).first_category + 1) == 0);  // dao_co
        CHECK(j.indicator(2).status == Status::met);                                   // 12 >= 10
    }
    SECTION("the year's column of a table by year, then by group") {
        const Judged j = judge({{"ty_trong", 40}, {"giap_do_thi", 0}, {"khu_vuc", 3}, {"duong", 55}}, 2029);
        CHECK(j.indicator(1).low == 50);
        CHECK(j.indicator(1).status == Status::met);
    }
}

TEST_CASE("categories: a group the data do not decide", "[categories]") {
    // The share of farming is missing: group 1, or group 2 (area 1 rules out group 3).
    SECTION("unknown when the value passes under one group and fails under another") {
        const Judged j = judge({{"giap_do_thi", 0}, {"khu_vuc", 1}, {"duong", 95}});
        CHECK(j.group() == kNone);
        CHECK(j.indicator(0).status == Status::unknown);
        CHECK(j.indicator(0).category_unknown);
        CHECK_FALSE(known(j.indicator(0).low));  // 100 or 90
        CHECK(j.indicator(0).low_min == 90);
        CHECK(j.indicator(0).low_max == 100);
        CHECK_FALSE(known(j.indicator(0).gap));
    }
    SECTION("met when it passes under every group it may be in") {
        const Judged j = judge({{"giap_do_thi", 0}, {"khu_vuc", 1}, {"duong", 100}});
        CHECK(j.indicator(0).status == Status::met);
        CHECK(j.indicator(0).category_unknown);
        CHECK(j.ev.levels.at(0).status == Status::met);
    }
    SECTION("not met when it fails under every group it may be in") {
        const Judged j = judge({{"giap_do_thi", 0}, {"khu_vuc", 1}, {"duong", 80}});
        CHECK(j.indicator(0).status == Status::not_met);
        CHECK(j.indicator(0).category_unknown);
        CHECK(j.ev.levels.at(0).status == Status::not_met);
    }
    SECTION("only the groups still possible count: area 3 makes it group 1 or 3, never 2") {
        // 75 fails group 1 (100) and would fail group 2 (90), but passes group 3 (70).
        const Judged j = judge({{"giap_do_thi", 0}, {"khu_vuc", 3}, {"duong", 75}});
        CHECK(j.indicator(0).status == Status::unknown);
        const Judged k = judge({{"giap_do_thi", 0}, {"khu_vuc", 3}, {"duong", 65}});
        CHECK(k.indicator(0).status == Status::not_met);
        CHECK(k.indicator(0).low_min == 70);  // groups 1 and 3 only
        CHECK(k.indicator(0).low_max == 100);
    }
    SECTION("everything missing: any group; 100 passes every threshold") {
        const Judged j = judge({{"duong", 100}});
        CHECK(j.indicator(0).status == Status::met);
        CHECK(j.indicator(2).status == Status::met);  // two undecided dimensions, every combination
        const Judged k = judge({{"duong", 50}});
        CHECK(k.indicator(0).status == Status::not_met);
        CHECK(k.indicator(2).status == Status::unknown);  // an island would need only 10
    }
    SECTION("an indicator not tabled by the group is not touched") {
        const Judged j = judge({{"giap_do_thi", 0}, {"khu_vuc", 1}, {"duong", 55}}, 2029);
        CHECK(j.indicator(1).status == Status::met);
        CHECK_FALSE(j.indicator(1).category_unknown);
    }
}

TEST_CASE("categories: the explanation says which group applied and why", "[categories]") {
    SECTION("decided: the group, the condition that holds and the data it read") {
        const EntityExplanation x = judge({{"ty_trong", 8}, {"giap_do_thi", 0}, {"khu_vuc", 3}, {"duong", 95}}).explained();
        REQUIRE(x.categories.size() == 2);
        const CategoryExplanation& c = x.categories[0];
        CHECK(c.name == "nhom_xa");
        CHECK(c.title == "Nhóm xã");
        CHECK(c.decided);
        CHECK(c.member == "nhom_1");
        CHECK(c.member_title == "Nhóm 1: xã có xu hướng đô thị hóa");
        CHECK(c.condition == "ty_trong < 10% or giap_do_thi");
        REQUIRE(c.reads.size() == 2);
        CHECK(c.reads[0].column == "ty_trong");
        CHECK(c.reads[0].value == 8);
        const IndicatorExplanation& i = x.levels.at(0).criteria.at(0).indicators.at(0);
        REQUIRE(i.categories.size() == 1);
        CHECK(i.categories[0] == std::pair<std::string_view, std::string_view>("Nhóm xã", "Nhóm 1: xã có xu hướng đô thị hóa"));
    }
    SECTION("otherwise: no condition to show") {
        const EntityExplanation x = judge({{"ty_trong", 40}, {"giap_do_thi", 0}, {"khu_vuc", 1}, {"duong", 95}}).explained();
        CHECK(x.categories[0].member == "nhom_2");
        CHECK(x.categories[0].condition.empty());
    }
    SECTION("not decided: the first condition that lacked data, and what it read") {
        const EntityExplanation x = judge({{"giap_do_thi", 0}, {"khu_vuc", 1}, {"duong", 95}}).explained();
        const CategoryExplanation& c = x.categories[0];
        CHECK_FALSE(c.decided);
        CHECK(c.member.empty());
        CHECK(c.condition == "ty_trong < 10% or giap_do_thi");
        REQUIRE(c.reads.size() == 2);
        CHECK_FALSE(known(c.reads[0].value));
        const IndicatorExplanation& i = x.levels.at(0).criteria.at(0).indicators.at(0);
        CHECK(i.category_unknown);
        CHECK(i.categories[0].second.empty());
    }
}

TEST_CASE("categories: many undecided dimensions in one indicator stay unknown, quickly", "[categories]") {
    // 13 requirements, each by its own undecided dimension of two categories: 8192
    // combinations, more than kMaxCategoryCombinations; the verdict is left as judged.
    std::string rules = "data xa {\n  field v: percent\n";
    for (int k = 0; k < 13; ++k) rules += fmt::format("  field f{}: yesno\n", k);
    rules += "}\n";
    for (int k = 0; k < 13; ++k)
        rules += fmt::format("category d{} \"D\" {{\n  for xa\n  a \"A\" when f{}\n  b \"B\" otherwise\n}}\n", k, k);
    rules += "set s \"S\" {\n  for xa\n  valid 2026..2030\n  criterion 1 \"C\" {\n    indicator 1.1 \"I\" {\n"
             "      unit percent\n      value v\n";
    for (int k = 0; k < 13; ++k) rules += fmt::format("      require >= by d{} {{ a: 1  b: 2 }}\n", k);
    rules += "    }\n  }\n}\n";
    const support::CompiledRules r = support::compile_rules_text(rules);  // no level: judged directly
    ExprContext ctx;
    std::vector<double> slots(r.program.schema.slots(EntityKind::xa), kUnknown);
    slots.at(r.program.schema.find(EntityKind::xa, "v")->slot) = 100;
    std::vector<std::uint32_t> cats(r.program.categories.size(), kNone);
    ctx.slots = slots.data();
    ctx.year = 2026;
    ctx.categories = cats.data();
    IndicatorResult out;
    judge_indicator(r.program, r.program.indicators.at(0), ctx, out);
    category_doubt(r.program, 0, ctx, out);
    CHECK(out.status == Status::unknown);
    CHECK(out.category_unknown);
    // With 12 of them decided, the one left is judged both ways: met under each.
    std::fill(cats.begin(), cats.end(), 0u);
    cats[0] = kNone;
    judge_indicator(r.program, r.program.indicators.at(0), ctx, out);
    category_doubt(r.program, 0, ctx, out);
    CHECK(out.status == Status::met);
    CHECK(out.category_unknown);
}
