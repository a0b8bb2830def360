// Explanations: what explain() tells of an evaluation (levels reached and what blocks the
// next, maintenance, each indicator's value, threshold, the facts behind the threshold, rule,
// citation and who is responsible), as data.  The words are tested in tests/report/test_words.cpp.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>
#include <string>

#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "tests/support/engine_world.hpp"

using namespace ntm;
using namespace ntm::engine;
using engine_test::good;
using engine_test::World;

namespace {

// The indicator `code` of the first level of `x`.
const IndicatorExplanation& indicator(const EntityExplanation& x, const std::string& code) {
    for (const CriterionExplanation& c : x.levels.at(0).criteria) {
        for (const IndicatorExplanation& i : c.indicators) {
            if (i.code == code) return i;
        }
    }
    FAIL("no indicator " << code);
    throw;
}
// A reference into a temporary explanation would dangle: keep the explanation in a variable.
const IndicatorExplanation& indicator(EntityExplanation&& x, const std::string& code) = delete;

}  // namespace

TEST_CASE("engine: levels build on each other, with gates") {
    World w;
    auto v = good();
    v["10"] = 53;  // ≥ 52.8: nâng cao
    w.add("a", EntityKind::xa, "", Region::DHNTB, v);
    v["hai_long"] = 85;  // standard refused for low satisfaction, so not advanced either
    w.add("b", EntityKind::xa, "", Region::DHNTB, v);
    v.erase("hai_long");
    w.add("c", EntityKind::xa, "", Region::DHNTB, v);
    const Evaluation ev = w.run();
    CHECK(ev.entities[0].level == 1);
    CHECK(ev.entities[1].level == -1);
    CHECK(ev.entities[1].level_max == -1);
    CHECK(ev.gates[ev.levels[ev.entities[1].first_level].first_gate] == Status::not_met);
    CHECK(ev.entities[2].level == -1);
    CHECK(ev.entities[2].level_max == 1);

    const EntityExplanation x = explain(w.program, w.data, ev, 1);
    CHECK(x.level_name.empty());
    CHECK(x.next_level_name == "dat_chuan");
    REQUIRE(x.blockers.size() == 1);
    const Blocker& b = x.blockers[0];
    CHECK(b.kind == Blocker::Kind::gate);
    CHECK(b.status == Status::not_met);
    CHECK(b.responsible.empty());
    CHECK(b.gate.name == "hai_long");
    CHECK(b.gate.title == "Hài lòng từ 90% trở lên");
    CHECK(b.gate.condition == "hai_long >= 90%");
    // The data the gate reads: the column, its title, the value and its unit.
    REQUIRE(b.gate.reads.size() == 1);
    CHECK(b.gate.reads[0].column == "hai_long");
    CHECK(b.gate.reads[0].title == "Tỷ lệ hài lòng");
    CHECK(b.gate.reads[0].value == Approx(85));
    CHECK_FALSE(b.gate.reads[0].boolean);
    CHECK(b.gate.reads[0].unit_symbol == "%");
}

TEST_CASE("engine: maintenance of a recognised level") {
    World w;
    auto v = good();
    v["17.1"] = 30;
    w.add("a", EntityKind::xa, "", Region::DHNTB, v, 2024, {{"dat_chuan", 2020}});
    w.add("b", EntityKind::xa, "", Region::DHNTB, good(), 2024, {{"dat_chuan", 2020}});
    const Evaluation ev = w.run();
    CHECK(ev.entities[0].lost_level == w.program.level_index("dat_chuan"));
    CHECK(ev.entities[0].lost_year == 2020);
    CHECK(ev.entities[1].lost_level == kNone);
    CHECK(explain(w.program, w.data, ev, 0).lost_level_title == "Xã đạt chuẩn nông thôn mới");
}

TEST_CASE("engine: explanations carry value, threshold, its region and year, rule, citation and who is responsible") {
    World w;
    auto v = good();
    v["km_cung"] = 7.5;
    w.add("20368", EntityKind::xa, "", Region::DHNTB, v);
    const Evaluation ev = w.run();
    const EntityExplanation x = explain(w.program, w.data, ev, 0);
    CHECK(x.member == "Phó Bí thư Thường trực Huyện ủy");
    const IndicatorExplanation& i = x.levels.at(0).criteria.at(0).indicators.at(0);
    CHECK(i.code == "2.2");
    CHECK(i.status == Status::not_met);
    CHECK(i.value == Approx(75));
    CHECK(i.unit_symbol == "%");
    CHECK_FALSE(i.boolean);
    CHECK(i.has_requirement);
    CHECK(i.cmp == dsl::Cmp::ge);
    CHECK(i.low == Approx(80));
    CHECK(std::isnan(i.high));
    CHECK(i.gap == Approx(5));
    CHECK(i.region == Region::DHNTB);
    CHECK(i.year == 2024);
    CHECK(i.threshold_case == kNone);
    CHECK(i.case_condition.empty());
    CHECK_FALSE(i.region_unknown);
    CHECK_FALSE(i.applies_unknown);
    INFO(i.rule);
    CHECK(i.rule.find("rules.ntm:27") != std::string::npos);
    CHECK(i.source == "QĐ thử");
    CHECK(i.responsible == "Sở Giao thông vận tải");

    REQUIRE(!x.blockers.empty());
    const Blocker& b = x.blockers.at(0);
    CHECK(b.kind == Blocker::Kind::indicator);
    CHECK(b.status == Status::not_met);
    CHECK(b.criterion_code == "2");
    CHECK(b.criterion_title == "Giao thông");
    CHECK(b.indicator.code == "2.2");
    CHECK(b.indicator.value == Approx(75));
    CHECK(b.indicator.low == Approx(80));
    CHECK(b.closeness == Approx(5.0 / 80));
    CHECK(b.responsible == "Sở Giao thông vận tải");
}

TEST_CASE("engine: explanations name the `when` case that chose a threshold") {
    World w;
    auto v = good();
    v["dtts"] = 1;
    w.add("a", EntityKind::xa, "", Region::DHNTB, v);
    w.add("b", EntityKind::xa, "", Region::DHNTB, good());
    const Evaluation ev = w.run();
    const EntityExplanation a = explain(w.program, w.data, ev, 0);
    const IndicatorExplanation& when = indicator(a, "17.1");
    CHECK(when.low == Approx(40));
    REQUIRE(when.threshold_case != kNone);
    CHECK(when.case_condition == "dtts");
    const EntityExplanation b = explain(w.program, w.data, ev, 1);
    const IndicatorExplanation& otherwise = indicator(b, "17.1");
    CHECK(otherwise.low == Approx(50));
    CHECK(otherwise.threshold_case != kNone);  // the `else` case: no condition to cite
    CHECK(otherwise.case_condition.empty());
}

TEST_CASE("engine: explanations tell when the region or whether an indicator applies is unknown") {
    World w;
    auto v = good();
    v.erase("lang_nghe");  // 13.4 applies when lang_nghe: unknown, but it is met either way
    v["13.4"] = 1;
    w.add("a", EntityKind::xa, "", Region::DHNTB, v);
    v = good();
    v.erase("dbkk");     // TDMNPB when dbkk: the region is unknown …
    v["km_cung"] = 7.5;  // … and 75 % meets TDMNPB's 70 but not DHNTB's 80
    w.add("b", EntityKind::xa, "", Region::DHNTB, v);
    const Evaluation ev = w.run();

    const EntityExplanation a = explain(w.program, w.data, ev, 0);
    const IndicatorExplanation& craft = indicator(a, "13.4");
    CHECK(craft.applies_unknown);
    CHECK(craft.status == Status::met);
    CHECK(craft.cmp == dsl::Cmp::yes);
    CHECK(a.levels.at(0).criteria.at(2).combine == dsl::CombineKind::at_least);
    CHECK(a.levels.at(0).criteria.at(2).at_least == 2);
    CHECK(a.levels.at(0).criteria.at(0).combine == dsl::CombineKind::all);

    const EntityExplanation b = explain(w.program, w.data, ev, 1);
    const IndicatorExplanation& road = indicator(b, "2.2");
    CHECK(road.region_unknown);
    CHECK(road.status == Status::unknown);
    CHECK(road.region == Region::DHNTB);
    CHECK(road.year == 2024);
}
