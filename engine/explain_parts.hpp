// Internal to explain*.cpp: the parts of an explanation that read the program or the
// explanation built so far, not the evaluation.
#pragma once

#include <vector>

#include "engine/explain.hpp"
#include "engine/program.hpp"

namespace ntm::engine::detail {

// Whether some threshold of set `s` is by region: else the region decides nothing (the
// 2026-2030 sets, by commune group).
bool regional(const Program& program, const SetDef& s);

// What stands between the entity and `level`: its failing or unknown parts, closest to
// passing first.
std::vector<Blocker> blockers(const LevelExplanation& level);

}  // namespace ntm::engine::detail
