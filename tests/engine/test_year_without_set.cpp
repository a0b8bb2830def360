// A year no criteria set covers (2026 before the sets of 2026-2030 are written): a class defined
// by the criteria met does not apply — no commune is "below 15 criteria" for want of a set.
#include <catch2/catch.hpp>
#include <string>

#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "tests/support/engine_world.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::engine;

namespace {

const char* const kRules = R"(data xa { field ty_le: percent }
set s "Bộ thử" {
  for xa
  valid 2021..2025
  criterion 1 "Tiêu chí" {
    indicator 1 "Chỉ tiêu" { unit percent require >= 50 }
  }
}
level dat_chuan "Xã đạt chuẩn" { for xa meets s }
class duoi_1 "Xã dưới 1 tiêu chí" { for xa when criteria_met < 1 }
class chua_dat "Xã chưa đạt chuẩn" { for xa when level < dat_chuan }
)";

// A dataset of one commune, 20380, with indicator 1 at `value` in `year`.
Dataset one_commune(const support::CompiledRules& r, int year, double value) {
    Dataset data;
    Entity e;
    e.code = "20380";
    e.name = "Xã 20380";
    e.type = "Xã";
    e.kind = EntityKind::xa;
    e.region = Region::DHNTB;
    support::add_entity(data, r.program.schema, std::move(e), year, {{"1", value}});
    return data;
}

Status class_status(const support::CompiledRules& r, int year, double value) {
    const Dataset data = one_commune(r, year, value);
    const Evaluation ev = evaluate(r.program, data, {year, 1, kNone});
    const EntityResult& er = ev.entities.at(support::result_of(data, ev, "20380"));
    return ev.classes.at(er.first_class);  // duoi_1
}

}  // namespace

TEST_CASE("engine: a class by criteria met does not apply in a year no set covers") {
    const support::CompiledRules r = support::compile_rules_text(kRules);
    CHECK(class_status(r, 2025, 40) == Status::met);      // 0 criteria met < 1
    CHECK(class_status(r, 2025, 60) == Status::not_met);  // 1 met
    CHECK(class_status(r, 2026, 40) == Status::not_applicable);
}

namespace {

const char* const kChain = R"(data xa { field ty_le: percent }
set co_ban "Bộ cơ bản" {
  for xa
  valid 2021..2030
  criterion 1 "Tiêu chí" { indicator 1 "Chỉ tiêu" { unit percent require >= 50 } }
}
set cu "Bộ mức ba, đến 2025" {
  for xa
  valid 2021..2025
  criterion 1 "Tiêu chí" { indicator 1 "Chỉ tiêu" { unit percent require >= 70 } }
}
set moi "Bộ mức bốn, từ 2026" {
  for xa
  valid 2026..2030
  criterion 1 "Tiêu chí" { indicator 1 "Chỉ tiêu" { unit percent require >= 90 } }
}
level dat_chuan "Đạt chuẩn" { for xa meets co_ban }
level kieu_mau "Kiểu mẫu" { for xa after dat_chuan meets cu }
level hien_dai "Hiện đại" { for xa after kieu_mau meets moi }
)";

// The name of the highest level met by a commune with value `value` in `year`, or "".
std::string highest(const support::CompiledRules& r, int year, double value) {
    const Dataset data = one_commune(r, year, value);
    const Evaluation ev = evaluate(r.program, data, {year, 1, kNone});
    const EntityResult& er = ev.entities.at(support::result_of(data, ev, "20380"));
    if (er.level < 0) return {};
    return r.program.levels[r.program.level_order[kind_index(EntityKind::xa)][static_cast<std::size_t>(er.level)]].name;
}

}  // namespace

TEST_CASE("engine: a level not in force is passed over, and the next builds on the one below") {
    const support::CompiledRules r = support::compile_rules_text(kChain);
    CHECK(highest(r, 2024, 95) == "kieu_mau");  // hien_dai has no set before 2026
    CHECK(highest(r, 2024, 60) == "dat_chuan");
    CHECK(highest(r, 2026, 95) == "hien_dai");  // kieu_mau has none from 2026: hien_dai builds on dat_chuan
    CHECK(highest(r, 2026, 60) == "dat_chuan");
    CHECK(highest(r, 2020, 95) == "");          // before every set: no level exists

    // The explanation names the level actually required: đạt chuẩn, not kiểu mẫu.
    const Dataset data = one_commune(r, 2026, 80);
    const Evaluation ev = evaluate(r.program, data, {2026, 1, kNone});
    const EntityExplanation x = explain(r.program, data, ev, support::result_of(data, ev, "20380"));
    REQUIRE(x.levels.size() == 3);
    CHECK(x.levels[1].status == Status::not_applicable);
    CHECK(x.levels[2].after == "Đạt chuẩn");
    CHECK(x.levels[2].prerequisite == Status::met);
    CHECK(x.levels[2].status == Status::not_met);  // 80 < 90
    CHECK(x.next_level_name == "hien_dai");        // the next level that exists, past kiểu mẫu
    CHECK_FALSE(x.levels[0].regional);             // no threshold by region: the region is moot
}

TEST_CASE("engine: a set chosen outside its years is judged as of its nearest year") {
    engine_test::World w;
    // Income 47 in DHNTB: ≥ 48 in 2024, the set's last year.  Judged in 2026 by the set chosen,
    // the 2024 threshold applies (before, no cell of the table held 2026 and income was unknown).
    auto values = engine_test::good();
    values["10"] = 47;
    w.add("A", EntityKind::xa, "", Region::DHNTB, values, 2026);
    const Evaluation ev = evaluate(w.program, w.data, {2026, 1, w.program.set_index("s")});
    REQUIRE(ev.entities.size() == 1);
    const LevelResult& lr = ev.levels[ev.entities[0].first_level];
    REQUIRE(lr.set == w.program.set_index("s"));
    const SetDef& s = w.program.sets[lr.set];
    std::uint32_t income = kNone;
    for (std::uint32_t i = 0; i < s.indicator_count; ++i) {
        if (w.program.indicators[s.first_indicator + i].code == "10") income = i;
    }
    REQUIRE(income != kNone);
    const IndicatorResult& r = ev.indicators[lr.first_indicator + income];
    CHECK(r.status == Status::not_met);
    CHECK(r.low == 48);
    CHECK(r.gap == Approx(1));
    // Without a set chosen, no set is in force in 2026: nothing is judged.
    const Evaluation plain = evaluate(w.program, w.data, {2026, 1, kNone});
    CHECK(plain.levels[plain.entities[0].first_level].set == kNone);
}
