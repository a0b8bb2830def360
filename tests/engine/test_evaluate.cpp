// The engine on small, hand-built datasets: threshold selection, three-valued logic,
// criteria combination, levels and gates, aggregates, classes, assignments, maintenance.
// What the explanations of these results say is tested in test_explain.cpp.
#include <catch2/catch.hpp>
#include <map>
#include <string>

#include "engine/evaluate.hpp"
#include "tests/support/engine_world.hpp"

using namespace ntm;
using namespace ntm::engine;
using engine_test::good;
using engine_test::World;

namespace {

const IndicatorResult& indicator(const Program& p, const Evaluation& ev, std::uint32_t r, const std::string& code) {
    const LevelResult& lr = ev.levels[ev.entities[r].first_level];
    const SetDef& s = p.sets[lr.set];
    for (std::uint32_t i = 0; i < s.indicator_count; ++i) {
        if (p.indicators[s.first_indicator + i].code == code) return ev.indicators[lr.first_indicator + i];
    }
    FAIL("no indicator " << code);
    return ev.indicators.front();
}

const CriterionResult& criterion(const Program& p, const Evaluation& ev, std::uint32_t r, const std::string& code) {
    const LevelResult& lr = ev.levels[ev.entities[r].first_level];
    const SetDef& s = p.sets[lr.set];
    for (std::uint32_t i = 0; i < s.criterion_count; ++i) {
        if (p.criteria[s.first_criterion + i].code == code) return ev.criteria[lr.first_criterion + i];
    }
    FAIL("no criterion " << code);
    return ev.criteria.front();
}

}  // namespace

TEST_CASE("engine: a commune that meets everything reaches the standard level") {
    World w;
    w.add("20368", EntityKind::xa, "", Region::DHNTB, good());
    const Evaluation ev = w.run();
    REQUIRE(ev.entities.size() == 1);
    CHECK(ev.entities[0].level == 0);
    CHECK(ev.entities[0].level_max == 0);  // nâng cao: income 50 < 1.1 × 48 = 52.8
    CHECK(ev.entities[0].criteria_met == 4);
    CHECK(ev.entities[0].criteria_total == 4);
}

TEST_CASE("engine: thresholds by region, by region override, by year and by case") {
    World w;
    auto v = good();
    v["km_cung"] = 7.9;  // 79 %
    w.add("a", EntityKind::xa, "", Region::DHNTB, v);                      // needs 80
    w.add("b", EntityKind::xa, "", Region::TN, v);                         // needs 70
    v["dbkk"] = 1;
    w.add("c", EntityKind::xa, "", Region::DHNTB, v);                      // judged as TDMNPB: 70
    const Evaluation ev = w.run();
    const IndicatorResult& a = indicator(w.program, ev, 0, "2.2");
    CHECK(a.status == Status::not_met);
    CHECK(a.low == 80);
    CHECK(a.gap == Approx(1));
    CHECK(indicator(w.program, ev, 1, "2.2").status == Status::met);
    CHECK(indicator(w.program, ev, 2, "2.2").status == Status::met);
    CHECK(indicator(w.program, ev, 2, "2.2").low == 70);
    CHECK(ev.levels[ev.entities[2].first_level].region == Region::TDMNPB);

    SECTION("income by region and year") {
        World y;
        auto g = good();
        g["10"] = 46;
        y.add("x", EntityKind::xa, "", Region::DHNTB, g, 2023);
        y.add("z", EntityKind::xa, "", Region::DHNTB, g, 2024);
        const Evaluation e23 = y.run(2023), e24 = y.run(2024);
        CHECK(indicator(y.program, e23, 0, "10").status == Status::met);  // ≥ 44
        CHECK(indicator(y.program, e24, 0, "10").status == Status::not_met);  // ≥ 48
        CHECK(indicator(y.program, e24, 0, "10").gap == Approx(2));
    }
    SECTION("by an attribute of the entity, and unknown when the attribute is") {
        World c;
        auto g = good();
        g["17.1"] = 45;
        g.erase("dtts");
        c.add("p", EntityKind::xa, "", Region::DHNTB, g);  // dtts unknown
        g["dtts"] = 1;
        c.add("q", EntityKind::xa, "", Region::DHNTB, g);  // ≥ 40
        g["dtts"] = 0;
        c.add("r", EntityKind::xa, "", Region::DHNTB, g);  // ≥ 50
        const Evaluation e = c.run();
        CHECK(indicator(c.program, e, 0, "17.1").status == Status::unknown);
        CHECK(indicator(c.program, e, 1, "17.1").status == Status::met);
        CHECK(indicator(c.program, e, 1, "17.1").threshold_case != kNone);
        CHECK(indicator(c.program, e, 2, "17.1").status == Status::not_met);
        CHECK(indicator(c.program, e, 2, "17.1").low == 50);
    }
}

TEST_CASE("engine: an indicator may read another indicator of its own set") {
    World w;
    w.add("a", EntityKind::xa, "", Region::DHNTB, good());
    const Evaluation ev = w.run();
    CHECK(indicator(w.program, ev, 0, "17.2").status == Status::met);
    CHECK(indicator(w.program, ev, 0, "17.2").value == 60);
}

TEST_CASE("engine: a set named on the command line is judged instead of the one in force") {
    World w;
    w.add("a", EntityKind::xa, "", Region::DHNTB, good());  // 90 %
    const Evaluation national = w.run();
    const Evaluation provincial = evaluate(w.program, w.data, {2024, 1, w.program.set_index("qn")});
    CHECK(indicator(w.program, national, 0, "2.2").status == Status::met);
    CHECK(indicator(w.program, provincial, 0, "2.2").status == Status::not_met);
    CHECK(indicator(w.program, provincial, 0, "2.2").low == 95);
    CHECK(provincial.entities[0].level == -1);
}

TEST_CASE("engine: a set for a locality replaces the national one within it, the nearest first") {
    World w;
    auto with = [](double km_cung) {
        auto v = good();
        v["km_cung"] = km_cung;  // of 10 km
        return v;
    };
    w.add("T1", EntityKind::tinh, "", Region::DHNTB, {});
    w.add("H1", EntityKind::huyen, "T1", Region::DHNTB, {});
    w.add("H2", EntityKind::huyen, "T1", Region::DHNTB, {});
    w.add("H3", EntityKind::huyen, "", Region::DHNTB, {});
    const auto a = w.add("a", EntityKind::xa, "H1", Region::DHNTB, with(8.6));  // district set: 92
    const auto b = w.add("b", EntityKind::xa, "H2", Region::DHNTB, with(8.2));  // province set: 85
    const auto c = w.add("c", EntityKind::xa, "H3", Region::DHNTB, with(8.2));  // national: 80
    const auto d = w.add("d", EntityKind::xa, "H2", Region::DHNTB, with(8.6));
    const Evaluation ev = w.run();
    auto set_of = [&](std::uint32_t entity) {
        for (const EntityResult& er : ev.entities) {
            if (w.data.records[er.record].entity == entity) return w.program.sets[ev.levels[er.first_level].set].name;
        }
        return std::string("?");
    };
    auto result = [&](std::uint32_t entity) -> const EntityResult& {
        for (const EntityResult& er : ev.entities) {
            if (w.data.records[er.record].entity == entity) return er;
        }
        FAIL("no result");
        return ev.entities.front();
    };
    CHECK(set_of(a) == "huyen");
    CHECK(set_of(b) == "tinh");
    CHECK(set_of(c) == "s");
    CHECK(set_of(d) == "tinh");
    CHECK(result(a).level == -1);  // 86 < 92
    CHECK(result(b).level == -1);  // 82 < 85
    CHECK(result(c).level == 0);   // 82 ≥ 80
    CHECK(result(d).level == 0);   // 86 ≥ 85
    // The gate compiled for the set in force reads the entity's own data.
    CHECK(ev.gates[ev.levels[result(d).first_level].first_gate] == Status::met);
    // A set named on the command line applies everywhere.
    const Evaluation national = evaluate(w.program, w.data, {2024, 1, w.program.set_index("s")});
    for (const EntityResult& er : national.entities) {
        if (w.data.entities[w.data.records[er.record].entity].kind == EntityKind::xa) {
            CHECK(w.program.sets[national.levels[er.first_level].set].name == "s");
            CHECK(er.level == 0);
        }
    }
}

TEST_CASE("engine: an unknown region rule or applies condition is unknown only where it matters") {
    World w;
    auto v = good();
    v.erase("dbkk");   // region TDMNPB when dbkk: DHNTB or TDMNPB
    v["km_cung"] = 7.5;  // 75 %: passes TDMNPB's 70, fails DHNTB's 80
    w.add("a", EntityKind::xa, "", Region::DHNTB, v);
    v["km_cung"] = 9;  // 90 %: passes both
    v.erase("lang_nghe");
    v["13.4"] = 1;  // applies or not, it is met
    w.add("b", EntityKind::xa, "", Region::DHNTB, v);
    v["13.4"] = 0;
    w.add("c", EntityKind::xa, "", Region::DHNTB, v);
    const Evaluation ev = w.run();
    CHECK(indicator(w.program, ev, 0, "2.2").status == Status::unknown);
    CHECK(indicator(w.program, ev, 0, "2.2").region_unknown);
    CHECK(indicator(w.program, ev, 0, "10").status == Status::met);  // 50 ≥ 48 and ≥ 45
    CHECK(ev.entities[0].level == -1);
    CHECK(ev.entities[0].level_max >= 0);
    CHECK(indicator(w.program, ev, 1, "2.2").status == Status::met);
    CHECK(indicator(w.program, ev, 1, "13.4").status == Status::met);
    CHECK(indicator(w.program, ev, 1, "13.4").applies_unknown);
    CHECK(ev.entities[1].level == 0);
    CHECK(indicator(w.program, ev, 2, "13.4").status == Status::unknown);
    CHECK(criterion(w.program, ev, 2, "13").status == Status::met);  // at_least 2 of 13.1, 13.2, 13.4
}

TEST_CASE("engine: a level with no set valid in the year does not exist that year, nor those above") {
    World w;
    w.add("a", EntityKind::xa, "", Region::DHNTB, good(), 2022);  // set s is valid 2023..2024
    const Evaluation ev = w.run(2022);
    const EntityResult& er = ev.entities[0];
    CHECK(er.level == -1);
    CHECK(er.level_max == -1);  // not "may be reached when data is given"
    REQUIRE(er.level_count == 2);
    CHECK(ev.levels[er.first_level].status == Status::not_applicable);
    CHECK(ev.levels[er.first_level + 1].status == Status::not_applicable);
    CHECK(ev.gates[ev.levels[er.first_level].first_gate] == Status::not_applicable);
}

TEST_CASE("engine: phường and thị trấn are not judged, nor counted among the communes") {
    World w;
    w.add("518", EntityKind::huyen, "", Region::DHNTB, {});
    w.add("1", EntityKind::xa, "518", Region::DHNTB, good());
    auto bad = good();
    bad["hai_long"] = 50;
    const auto p = w.add("2", EntityKind::xa, "518", Region::DHNTB, bad);
    w.data.entities[p].type = "Phường";
    w.data.entities[p].judged = false;
    const auto tx = w.add("519", EntityKind::huyen, "", Region::DHNTB, {});
    w.data.entities[tx].type = "Thị xã";
    const Evaluation ev = w.run();
    const EntityResult& phuong = ev.entities[2];
    CHECK_FALSE(phuong.judged);
    CHECK(phuong.level == -1);
    CHECK(phuong.level_max == -1);
    CHECK(ev.levels[phuong.first_level].status == Status::not_applicable);
    CHECK(ev.levels[phuong.first_level].set == kNone);
    CHECK(ev.entities[0].level == 0);  // 1 of 1 commune standard: the phường is left out
    // `type` reads the unit's type: only the thị xã is in the class.
    const std::uint32_t thi_xa = w.program.classes.size() > 0 ? [&] {
        for (std::uint32_t c = 0; c < w.program.classes.size(); ++c) {
            if (w.program.classes[c].name == "thi_xa") return c;
        }
        return kNone;
    }() : kNone;
    REQUIRE(thi_xa != kNone);
    CHECK(ev.classes[ev.entities[0].first_class + thi_xa] == Status::not_met);
    CHECK(ev.classes[ev.entities[3].first_class + thi_xa] == Status::met);
}

TEST_CASE("engine: three-valued results and how criteria combine them") {
    World w;
    auto v = good();
    v.erase("10");  // income missing
    w.add("a", EntityKind::xa, "", Region::DHNTB, v);
    auto n = good();
    n["13.1"] = 0;
    n.erase("13.2");  // at_least 2 of {0, unknown}: 13.4 not applicable → not met
    w.add("b", EntityKind::xa, "", Region::DHNTB, n);
    auto u = good();
    u.erase("13.2");  // {1, unknown} → unknown
    w.add("c", EntityKind::xa, "", Region::DHNTB, u);
    auto l = good();
    l["lang_nghe"] = 1;
    l["13.2"] = 0;
    l["13.4"] = 1;  // 2 of 3 applicable → met
    w.add("d", EntityKind::xa, "", Region::DHNTB, l);
    const Evaluation ev = w.run();

    CHECK(indicator(w.program, ev, 0, "10").status == Status::unknown);
    CHECK(criterion(w.program, ev, 0, "10").status == Status::unknown);
    CHECK(ev.entities[0].level == -1);
    CHECK(ev.entities[0].level_max == 1);  // with income known it may even be advanced
    CHECK(ev.levels[ev.entities[0].first_level].status == Status::unknown);

    CHECK(indicator(w.program, ev, 1, "13.4").status == Status::not_applicable);
    CHECK(criterion(w.program, ev, 1, "13").status == Status::not_met);
    CHECK(criterion(w.program, ev, 2, "13").status == Status::unknown);
    CHECK(criterion(w.program, ev, 3, "13").status == Status::met);
    CHECK(criterion(w.program, ev, 3, "13").met == 2);
}

TEST_CASE("engine: districts aggregate over their communes") {
    World w;
    w.add("518", EntityKind::huyen, "", Region::DHNTB, {});
    w.add("1", EntityKind::xa, "518", Region::DHNTB, good());
    w.add("2", EntityKind::xa, "518", Region::DHNTB, good());
    w.add("519", EntityKind::huyen, "", Region::DHNTB, {});
    w.add("3", EntityKind::xa, "519", Region::DHNTB, good());
    auto bad = good();
    bad["hai_long"] = 50;
    w.add("4", EntityKind::xa, "519", Region::DHNTB, bad);
    w.add("520", EntityKind::huyen, "", Region::DHNTB, {});
    auto missing = good();
    missing.erase("17.1");
    w.add("5", EntityKind::xa, "520", Region::DHNTB, missing);
    w.add("521", EntityKind::huyen, "", Region::DHNTB, {});
    w.add("6", EntityKind::xa, "521", Region::DHNTB, bad);
    w.add("7", EntityKind::xa, "521", Region::DHNTB, missing);
    const Evaluation ev = w.run(2024, 1);
    CHECK(ev.entities[0].level == 0);
    CHECK(ev.entities[3].level == -1);
    CHECK(ev.entities[3].level_max == -1);
    CHECK(ev.entities[6].level == -1);
    CHECK(ev.entities[6].level_max == 0);  // its one commune's data is missing
    // One commune fails for sure: 100 % is out of reach whatever the missing data say.
    CHECK(ev.entities[8].level == -1);
    CHECK(ev.entities[8].level_max == -1);
}

TEST_CASE("engine: classes use what is known of the criteria count") {
    World w;
    auto v = good();
    v["13.1"] = 0;
    v["13.2"] = 0;
    v["17.1"] = 10;  // 2 of 4 met → under 3
    w.add("a", EntityKind::xa, "", Region::DHNTB, v);
    auto u = good();
    u["13.1"] = 0;
    u["13.2"] = 0;
    u.erase("17.1");  // 2 met, 1 unknown: 2 or 3 → cannot tell
    w.add("b", EntityKind::xa, "", Region::DHNTB, u);
    w.add("c", EntityKind::xa, "", Region::DHNTB, good());
    const Evaluation ev = w.run();
    const std::uint32_t duoi = [&] {
        for (std::uint32_t c = 0; c < w.program.classes.size(); ++c) {
            if (w.program.classes[c].name == "duoi_3") return c;
        }
        return kNone;
    }();
    REQUIRE(duoi != kNone);
    CHECK(ev.classes[ev.entities[0].first_class + duoi] == Status::met);
    CHECK(ev.classes[ev.entities[1].first_class + duoi] == Status::unknown);
    CHECK(ev.classes[ev.entities[2].first_class + duoi] == Status::not_met);
}

TEST_CASE("engine: truth tables of and, or, not with unknown values") {
    World w;
    const double U = kUnknown;
    const double values[] = {1, 0, U};
    for (double p : values) {
        for (double q : values) {
            std::map<std::string, double> v = good();
            if (known(p)) v["p"] = p;
            if (known(q)) v["q"] = q;
            w.add(std::to_string(w.data.entities.size()), EntityKind::xa, "", Region::DHNTB, v);
        }
    }
    const Evaluation ev = w.run();
    const auto cls = [&](std::size_t r, const char* name) {
        for (std::uint32_t c = 0; c < w.program.classes.size(); ++c) {
            if (w.program.classes[c].name == name) return ev.classes[ev.entities[r].first_class + c];
        }
        FAIL("no class " << name);
        return Status::unknown;
    };
    const Status T = Status::met, F = Status::not_met, X = Status::unknown;
    // Rows p = yes, no, unknown; columns q = yes, no, unknown.
    const Status expected_and[3][3] = {{T, F, X}, {F, F, F}, {X, F, X}};
    const Status expected_or[3][3] = {{T, T, T}, {T, F, X}, {T, X, X}};
    const Status expected_not[3] = {F, T, X};
    for (std::size_t i = 0; i < 3; ++i) {
        for (std::size_t j = 0; j < 3; ++j) {
            INFO("p=" << i << " q=" << j);
            CHECK(cls(i * 3 + j, "p_va_q") == expected_and[i][j]);
            CHECK(cls(i * 3 + j, "p_hoac_q") == expected_or[i][j]);
            CHECK(cls(i * 3 + j, "khong_p") == expected_not[i]);
        }
    }
}

TEST_CASE("engine: the result does not depend on the number of threads") {
    World w;
    for (int i = 0; i < 3000; ++i) {
        auto v = good();
        v["10"] = 40 + i % 15;
        if (i % 7 == 0) v.erase("17.1");
        w.add(std::to_string(100000 + i), EntityKind::xa, "", i % 2 ? Region::DHNTB : Region::BTB, v);
    }
    const Evaluation one = w.run(2024, 1), four = w.run(2024, 4);
    REQUIRE(one.entities.size() == four.entities.size());
    REQUIRE(one.indicators.size() == four.indicators.size());
    std::size_t differ = 0;
    for (std::size_t i = 0; i < one.entities.size(); ++i) {
        differ += one.entities[i].level != four.entities[i].level || one.entities[i].level_max != four.entities[i].level_max;
    }
    for (std::size_t i = 0; i < one.indicators.size(); ++i) {
        differ += one.indicators[i].status != four.indicators[i].status ||
                  !(one.indicators[i].value == four.indicators[i].value ||
                    (!known(one.indicators[i].value) && !known(four.indicators[i].value)));
    }
    CHECK(differ == 0);
    // The mix above really has every kind of outcome, so the comparison means something.
    std::size_t standard = 0, unknown = 0;
    for (const auto& e : one.entities) {
        standard += e.level >= 0;
        unknown += e.level_max > e.level;
    }
    CHECK(standard > 0);
    CHECK(unknown > 0);
    CHECK(standard + unknown < one.entities.size());
}
