// Stage 4b: targets compared with results.
//
// A target (`target qn_2021 { locality "49" year 2021 dat_chuan +8 }`) asks a locality for a
// number of entities at a level in a year.  The evaluation of that year counts them: every
// judged entity of the level's kind within the locality whose highest level reached is that
// level or above.  Entities whose data is missing may or may not count, so the result is a
// range, like the aggregates: met when even the low end reaches the target, not met when even
// the high end falls short, unknown otherwise.
//
// `LEVEL +N` asks for N more than before the year: "before" is what the recognition history
// says — the entities recognised at that level or above in an earlier year.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/dataset.hpp"
#include "engine/program.hpp"

namespace ntm::engine {

enum class Status : std::uint8_t;
struct Evaluation;

struct TargetLineResult {
    std::uint32_t level = 0;  // index in Program::levels
    bool increment = false;   // `+N`: more than before the year
    double asked = 0;         // N
    double reached = 0;       // entities at the level or above this year, for sure
    double reached_max = 0;   // ... or possibly (data missing for the rest)
    double before = 0;        // recognised at the level or above in an earlier year
    Status status{};          // met, not met, unknown
};

struct TargetResult {
    std::uint32_t target = 0;    // index in Program::targets
    std::uint32_t locality = 0;  // index in Dataset::entities
    std::vector<TargetLineResult> lines;
};

// The targets of the evaluation's year whose locality is in the data, in declaration order.
std::vector<TargetResult> compare_targets(const Program& program, const Dataset& data, const Evaluation& evaluation);
// The targets of later years than the evaluation's (whose locality is in the data), in
// declaration order, counted on the evaluation's results: how far the locality is from each.
// A `+N` line counts "before" as the recognitions before the target's year known so far.
std::vector<TargetResult> compare_upcoming_targets(const Program& program, const Dataset& data,
                                                   const Evaluation& evaluation);

}  // namespace ntm::engine
