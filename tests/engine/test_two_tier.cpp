// A province on the map of two tiers (since 01/7/2025) has no districts: a gate that counts
// districts does not apply (it is neither met by an empty count nor a blocker), and a gate over
// communes counts those directly under the province.
#include <catch2/catch.hpp>
#include <string>

#include "engine/evaluate.hpp"
#include "engine/explain.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::engine;

namespace {

const char* const kRules = R"(data xa { field ty_le: percent }
data huyen { field so_xa: count }
set s "Bộ thử" {
  for xa
  valid 2021..2030
  criterion 1 "Tiêu chí" {
    indicator 1 "Chỉ tiêu" { unit percent require >= 50 }
  }
}
level dat_chuan "Xã đạt chuẩn" { for xa meets s }
level huyen_dat_chuan "Huyện đạt chuẩn" {
  for huyen
  gate xa "Mọi xã đạt chuẩn": share(xa where level >= dat_chuan) >= 100%
}
level tinh_ht "Tỉnh hoàn thành" {
  for tinh
  gate huyen "Mọi huyện đạt chuẩn": count(huyen where level < huyen_dat_chuan) = 0
  gate xa "Một nửa số xã đạt chuẩn": share(xa where level >= dat_chuan) >= 50%
}
)";

Entity unit(const std::string& code, const std::string& type, EntityKind kind, const std::string& parent) {
    Entity e;
    e.code = code;
    e.name = type + " " + code;
    e.type = type;
    e.kind = kind;
    e.parent_code = parent;
    e.region = Region::DHNTB;
    e.map = AdminMap::two_tier;
    return e;
}

}  // namespace

TEST_CASE("engine: on the map of two tiers a province aggregates over its communes, not districts") {
    const support::CompiledRules r = support::compile_rules_text(kRules);
    Dataset data;
    support::add_entity(data, r.program.schema, unit("48", "Tỉnh", EntityKind::tinh, ""), 2026, {});
    support::add_entity(data, r.program.schema, unit("20380", "Xã", EntityKind::xa, "48"), 2026, {{"1", 60}});
    support::add_entity(data, r.program.schema, unit("20392", "Xã", EntityKind::xa, "48"), 2026, {{"1", 40}});
    const Evaluation ev = evaluate(r.program, data, {2026, 1, kNone});
    const EntityExplanation x = explain(r.program, data, ev, support::result_of(data, ev, "48"));
    REQUIRE(x.levels.size() == 1);
    const LevelExplanation& l = x.levels[0];
    REQUIRE(l.gates.size() == 2);
    CHECK(l.gates[0].status == Status::not_applicable);  // no district: not a vacuous "all met"
    CHECK(l.gates[1].status == Status::met);             // 1 of 2 communes, directly under the province
    CHECK(l.status == Status::met);
    CHECK(x.blockers.empty());

    // One commune fewer at the standard: the province fails on its communes alone, and the
    // district gate is still no blocker.
    Dataset fewer;
    support::add_entity(fewer, r.program.schema, unit("48", "Tỉnh", EntityKind::tinh, ""), 2026, {});
    support::add_entity(fewer, r.program.schema, unit("20380", "Xã", EntityKind::xa, "48"), 2026, {{"1", 30}});
    support::add_entity(fewer, r.program.schema, unit("20392", "Xã", EntityKind::xa, "48"), 2026, {{"1", 40}});
    const Evaluation ev2 = evaluate(r.program, fewer, {2026, 1, kNone});
    const EntityExplanation y = explain(r.program, fewer, ev2, support::result_of(fewer, ev2, "48"));
    CHECK(y.levels.at(0).status == Status::not_met);
    REQUIRE(y.blockers.size() == 1);
    CHECK(y.blockers[0].gate.title == "Một nửa số xã đạt chuẩn");
}
