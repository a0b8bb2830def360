// A year no criteria set covers (2026 before the sets of 2026-2030 are written): a class defined
// by the criteria met does not apply — no commune is "below 15 criteria" for want of a set.
#include <catch2/catch.hpp>
#include <string>

#include "engine/evaluate.hpp"
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

Status class_status(const support::CompiledRules& r, int year, double value) {
    Dataset data;
    Entity e;
    e.code = "20380";
    e.name = "Xã 20380";
    e.type = "Xã";
    e.kind = EntityKind::xa;
    e.region = Region::DHNTB;
    support::add_entity(data, r.program.schema, std::move(e), year, {{"1", value}});
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
