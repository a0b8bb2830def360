// Revocation (thu hồi công nhận): whether an entity's recognition at a level is to be revoked,
// by the branches of a revocation rule over the criteria of the set that judged the level.
//
// Three-valued and exact over the criteria whose status is unknown: the branches are judged
// under every way those criteria could turn out — each criterion a branch names met or not
// met, and for the others only how many are not met (`unmet_share` counts them, nothing
// else tells them apart).  To be revoked when revoked in every case, not when in none, and
// "có thể bị thu hồi — thiếu dữ liệu" otherwise.  8 unmet and 3 unknown of 19 criteria with
// income unmet is revoked for sure (30–50 % with a key criterion, or ≥ 50 %), although
// neither branch alone is certain.
#pragma once

#include "engine/evaluate.hpp"
#include "engine/vm.hpp"

namespace ntm::engine {

// Judges rule `def` into `out` for an entity whose level def.level was judged by set
// def.scope_sets[which] with criterion results `criteria`.  `ctx` is the entity's context
// with the level's region and indicator results; its criteria are replaced here.  Sets
// status, branch, unconfirmed and the counts; the caller sets the rest.
void judge_revocation(const Program& program, const RevocationDef& def, std::uint32_t which,
                      const CriterionResult* criteria, ExprContext ctx, RevocationResult& out);

}  // namespace ntm::engine
