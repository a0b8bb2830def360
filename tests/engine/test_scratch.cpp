// An evaluation without its trace judges each record's indicators and criteria into a thread's
// scratch, reused from record to record without being cleared: a level with a set that is
// passed over (nothing below it exists in the year) must still read as a fresh trace has it —
// as its revocation rule reads it — not as the record before left the scratch.
#include <catch2/catch.hpp>
#include <string>

#include "engine/evaluate.hpp"
#include "tests/support/support.hpp"

using namespace ntm;
using namespace ntm::engine;

namespace {

// Level a exists only in province 49 (its one set is that province's); level b, built on a, has
// a national set, and a revocation rule reads b's criteria.
const char* const kRules = R"(data xa { field ty_le: percent }
set sa "Bộ mức A của tỉnh" {
  for xa
  valid 2021..2025
  locality "49"
  criterion 1 "Tiêu chí A" {
    indicator 1 "Chỉ tiêu A" { unit percent require >= 50 }
  }
}
set sb "Bộ mức B" {
  for xa
  valid 2021..2025
  criterion 1 "Tiêu chí B" {
    indicator 1 "Chỉ tiêu B" { unit percent require >= 90 }
  }
}
level a "Mức A" { for xa meets sa }
level b "Mức B" { for xa after a meets sb }
revocation thu_hoi_b "Thu hồi mức B" {
  for xa
  source "Thử"
  level b
  set sb
  valid 2021..2025
  branch x "Mọi tiêu chí không đạt": unmet_share >= 50%
}
)";

}  // namespace

TEST_CASE("engine: a level passed over reads as a fresh trace has it, whatever the record before left") {
    const support::CompiledRules rules = support::compile_rules_text(kRules);
    const Program& p = rules.program;
    Dataset data;
    support::add_entity(data, p.schema, support::unit("49", EntityKind::tinh), 2024, {});
    support::add_entity(data, p.schema, support::unit("48", EntityKind::tinh), 2024, {});
    // Judged first, on the same thread: a and b, b not met (its results fill the scratch).
    support::add_entity(data, p.schema, support::unit("20380", EntityKind::xa, "49", {{"b", 2022}}), 2024, {{"1", 60}});
    // Outside 49: no level a this year, so b is passed over; recognised at b in 2022.
    support::add_entity(data, p.schema, support::unit("20000", EntityKind::xa, "48", {{"b", 2022}}), 2024, {{"1", 60}});

    const Evaluation full = evaluate(p, data, {2024, 1, kNone, true});
    const Evaluation compact = evaluate(p, data, {2024, 1, kNone, false});
    REQUIRE(full.entities.size() == 4);
    const EntityResult& outside = full.entities[3];
    REQUIRE(outside.level_count == 2);
    const LevelResult& a = full.levels[outside.first_level];
    const LevelResult& b = full.levels[outside.first_level + 1];
    REQUIRE(a.set == kNone);
    REQUIRE(b.set != kNone);
    REQUIRE(b.status == Status::not_applicable);
    // The commune in 49 was judged at b and revoked by its unmet criterion.
    const EntityResult& inside = full.entities[2];
    CHECK(full.revocations[inside.first_revocation].status == Status::met);
    // The commune outside reads b's criteria as never judged, both ways.
    const RevocationResult& kept = full.revocations[outside.first_revocation];
    const RevocationResult& again = compact.revocations[compact.entities[3].first_revocation];
    CHECK(again.status == kept.status);
    CHECK(again.unmet == kept.unmet);
    CHECK(again.unknown == kept.unknown);
    CHECK(again.total == kept.total);
}
