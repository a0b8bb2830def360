// Explanations: what explain() tells of an evaluation (levels reached and what blocks the
// next, maintenance, each indicator's value, threshold, why, rule, citation and who is
// responsible), and numbers written the Vietnamese way.
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "tests/support/engine_world.hpp"

using namespace ntm;
using namespace ntm::engine;
using engine_test::good;
using engine_test::World;

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
    CHECK(x.blockers[0].what == "điều kiện: Hài lòng từ 90% trở lên (Tỷ lệ hài lòng: 85 %)");
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

TEST_CASE("engine: explanations carry value, threshold, why, rule, citation and who is responsible") {
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
    CHECK(i.requirement == "≥ 80 %");
    CHECK(i.gap == Approx(5));
    CHECK(i.why == "vùng Duyên hải Nam Trung Bộ, năm 2024");
    INFO(i.rule);
    CHECK(i.rule.find("rules.ntm:27") != std::string::npos);
    CHECK(i.source == "QĐ thử");
    CHECK(i.responsible == "Sở Giao thông vận tải");
    CHECK(x.blockers.at(0).what == "tiêu chí 2 Giao thông — chỉ tiêu 2.2: 75 % (yêu cầu ≥ 80 %)");
}

TEST_CASE("engine: numbers are written the Vietnamese way") {
    CHECK(number_vi(38.5) == "38,5");
    CHECK(number_vi(1250) == "1.250");
    CHECK(number_vi(100) == "100");
    CHECK(number_vi(-2.25) == "-2,25");
    CHECK(number_vi(kUnknown) == "—");
}
