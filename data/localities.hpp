// The localities named in rules — `locality "49"` of a set, of assignments and of a target, and
// the codes of a `locality "…" -> member` line — checked against the official lists of units.
//
// The rule language cannot know which codes are units (dsl/ is below data/), so this check
// lives here and is run by the command wherever rules are loaded (cli/shared.cpp), with the
// lists the command checks data against; `--units none` (test data with invented codes) skips
// it.  A code that is a unit on either map — a province, district or commune before 01/7/2025,
// or a province or commune since — is accepted.
#pragma once

#include <span>

#include "data/units.hpp"
#include "dsl/diagnostics.hpp"

namespace ntm::data {

// Adds E0611 to `diags` for each non-empty locality code of `module` that is no unit of any of
// `lists` (null entries are skipped; no list at all: nothing is checked), with "did you mean"
// the nearest code and its unit's name.
void check_localities(const dsl::Module& module, std::span<const AdminUnits* const> lists, dsl::Diagnostics& diags);

}  // namespace ntm::data
