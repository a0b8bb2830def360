#include "engine/revoke.hpp"

#include <algorithm>

#include "engine/judge.hpp"

namespace ntm::engine {

namespace {

// Past this many unknown criteria named by the branches, the cases are not enumerated: the
// branches are judged once, three-valued (unknown where the missing data could matter).
constexpr std::size_t kMaxNamedUnknown = 12;

Status kleene_or(Status a, Status b) {
    if (a == Status::met || b == Status::met) return Status::met;
    if (a == Status::unknown || b == Status::unknown) return Status::unknown;
    return Status::not_met;
}

}  // namespace

namespace {

// The verdict of rule `def` over `criteria` (`n` of them), under every way the unknown ones
// could turn out; `branch` gets the branch that holds in every case (met) or may hold
// (unknown), else kNone.
Status judge_cases(const Program& program, const RevocationDef& def, std::uint32_t which, const CriterionResult* criteria,
                   std::uint32_t n, ExprContext ctx, std::uint32_t& branch) {
    std::vector<CriterionResult> world(criteria, criteria + n);
    std::vector<std::uint32_t> named, free;  // the unknown criteria, named by a branch or not
    for (std::uint32_t c = 0; c < n; ++c) {
        if (criteria[c].status != Status::unknown) continue;
        bool is_named = false;
        for (const RevocationBranchDef& b : def.branches) {
            const auto& crit = b.criteria[which];
            is_named = is_named || std::find(crit.begin(), crit.end(), c) != crit.end();
        }
        (is_named ? named : free).push_back(c);
    }
    ctx.criteria = world.data();
    ctx.criterion_count = n;
    const bool enumerate = named.size() <= kMaxNamedUnknown;
    const std::size_t cases = enumerate ? std::size_t{1} << named.size() : 1;
    const std::size_t counts = enumerate ? free.size() + 1 : 1;

    const std::size_t branches = def.branches.size();
    std::vector<bool> always(branches, true), maybe(branches, false);
    bool any_yes = false, any_no = false, any_unknown = false;
    for (std::size_t mask = 0; mask < cases; ++mask) {
        for (std::size_t k = 0; k < counts; ++k) {
            if (enumerate) {
                for (std::size_t i = 0; i < named.size(); ++i)
                    world[named[i]].status = (mask >> i) & 1 ? Status::not_met : Status::met;
                for (std::size_t i = 0; i < free.size(); ++i)
                    world[free[i]].status = i < k ? Status::not_met : Status::met;
            }
            Status verdict = Status::not_met;
            for (std::size_t b = 0; b < branches; ++b) {
                const Status st = truth(run(program, def.branches[b].condition[which], ctx));
                if (st != Status::met) always[b] = false;
                if (st != Status::not_met) maybe[b] = true;
                verdict = kleene_or(verdict, st);
            }
            any_yes = any_yes || verdict == Status::met;
            any_no = any_no || verdict == Status::not_met;
            any_unknown = any_unknown || verdict == Status::unknown;
        }
    }
    const Status status = any_yes && !any_no && !any_unknown   ? Status::met
                          : any_no && !any_yes && !any_unknown ? Status::not_met
                                                               : Status::unknown;
    branch = kNone;
    for (std::size_t b = 0; b < branches && branch == kNone; ++b) {
        if (status == Status::met ? always[b] : status == Status::unknown && maybe[b]) branch = static_cast<std::uint32_t>(b);
    }
    return status;
}

}  // namespace

void judge_revocation(const Program& program, const RevocationDef& def, std::uint32_t which,
                      const CriterionResult* criteria, ExprContext ctx, RevocationResult& out) {
    const std::uint32_t n = program.sets[def.scope_sets[which]].criterion_count;
    out.unmet = out.unknown = 0;
    out.total = static_cast<std::uint16_t>(n);
    for (std::uint32_t c = 0; c < n; ++c) {
        out.unmet += criteria[c].status == Status::not_met;
        out.unknown += criteria[c].status == Status::unknown;
    }
    out.status = judge_cases(program, def, which, criteria, n, ctx, out.branch);
    out.unconfirmed = kNone;
    if (out.status == Status::not_met) return;
    // What the verdict rests on: the rule as a whole, the branch; else the criteria not met on an
    // unconfirmed figure, when the verdict would not stand with all of them met (other figures
    // could only make criteria met: the least favourable case for revoking).
    out.unconfirmed = def.unconfirmed;
    if (out.unconfirmed == kNone && out.branch != kNone) out.unconfirmed = def.branches[out.branch].unconfirmed;
    if (out.unconfirmed != kNone) return;
    std::vector<CriterionResult> kinder(criteria, criteria + n);
    std::uint32_t first = kNone;
    for (CriterionResult& c : kinder) {
        if (c.status != Status::not_met || c.unconfirmed == kNone) continue;
        if (first == kNone) first = c.unconfirmed;
        c.status = Status::met;
    }
    if (first == kNone) return;
    std::uint32_t ignored = kNone;
    if (judge_cases(program, def, which, kinder.data(), n, ctx, ignored) != out.status) out.unconfirmed = first;
}

}  // namespace ntm::engine
