// What follows a record's levels: its standing under the standard set, the revocation rules,
// its classes and whether it lost a level it was recognised at (maintenance).
#include <algorithm>

#include "engine/evaluator.hpp"
#include "engine/revoke.hpp"

namespace ntm::engine::detail {

// The record's standing under the set of its first level, the standard set: what
// `criteria_met` reads.
void Evaluator::standard_counts(const Slice& sl) const {
    EntityResult& er = *sl.er;
    if (er.level_count == 0) return;
    const LevelResult& first = sl.levels[0];
    if (first.set == kNone) return;
    const SetDef& s = p_.sets[first.set];
    er.criteria_total = static_cast<std::uint16_t>(s.criterion_count);
    er.criteria_met = first.criteria_met;
    for (std::uint32_t c = 0; c < s.criterion_count; ++c) {
        er.criteria_unknown += sl.criteria_of(first)[c].status == Status::unknown;
    }
}

// The revocation rules of the entity's kind in force this year, each for the level it
// revokes as the year's set judged it; `revoked` is their Kleene `or`.
void Evaluator::revocations(const Slice& sl) {
    EntityResult& er = *sl.er;
    const Entity& e = entity(sl.r);
    for (std::uint32_t q = 0; q < p_.revocations.size(); ++q) {
        const RevocationDef& def = p_.revocations[q];
        RevocationResult& out = sl.revocations[q];
        if (def.kind != kind(sl.r) || !def.valid_in(opt_.year)) continue;
        std::uint32_t at = kNone;
        for (std::uint32_t l = 0; l < er.level_count; ++l) {
            if (sl.levels[l].level == def.level) at = l;
        }
        if (at == kNone || sl.levels[at].set == kNone) continue;
        const LevelResult& lr = sl.levels[at];
        const auto found = std::find(def.scope_sets.begin(), def.scope_sets.end(), lr.set);
        if (found == def.scope_sets.end()) continue;
        const int year = recognised_before(p_, e.recognised, def.level, opt_.year);
        if (year == 0) continue;
        ExprContext ctx = context(sl);
        ctx.region = lr.region;
        ctx.indicators = sl.indicators_of(lr);
        judge_revocation(p_, def, static_cast<std::uint32_t>(found - def.scope_sets.begin()), sl.criteria_of(lr), ctx,
                         out);
        out.level_result = er.first_level + at;
        out.recognised_year = year;
        if (er.revoked == Status::not_applicable || out.status == Status::met ||
            (out.status == Status::unknown && er.revoked == Status::not_met))
            er.revoked = out.status;
    }
}

// Whether the expression reads the criteria met of the standard set.
bool Evaluator::reads_criteria_met(ExprRef e) const {
    if (!e.valid()) return false;
    for (std::uint32_t i = e.begin; i < e.end; ++i) {
        const Instr& in = p_.code[i];
        if (in.op == OpCode::push_criteria_met || (in.op == OpCode::range_cmp && in.a == 1)) return true;
    }
    return false;
}

void Evaluator::classes(const Slice& sl) {
    const EntityResult& er = *sl.er;
    const EntityKind of = kind(sl.r);
    for (std::uint32_t c = 0; c < p_.classes.size(); ++c) {
        if (p_.classes[c].kind != of) continue;
        if (er.criteria_total == 0 && reads_criteria_met(p_.classes[c].when)) {
            // No standard set in force: a class by criteria met does not apply.
            sl.classes[c] = Status::not_applicable;
            continue;
        }
        sl.classes[c] = truth(run(p_, p_.classes[c].when, context(sl)));
    }
}

// Duy trì chuẩn: recognised at a level in an earlier year, and no longer reaching it.
void Evaluator::maintenance(const Slice& sl) {
    EntityResult& er = *sl.er;
    const Entity& e = entity(sl.r);
    for (const Recognition& rec : e.recognised) {
        if (rec.year >= opt_.year) continue;
        const std::uint32_t li = p_.level_index(rec.level);
        if (li == kNone || p_.levels[li].kind != kind(sl.r)) continue;
        const LevelResult* lr = nullptr;
        for (std::uint32_t l = 0; l < er.level_count; ++l) {
            if (sl.levels[l].level == li) lr = &sl.levels[l];
        }
        if (lr != nullptr && lr->status == Status::not_met &&
            (er.lost_level == kNone || p_.levels[li].ordinal > p_.levels[er.lost_level].ordinal)) {
            er.lost_level = li;
            er.lost_year = rec.year;
        }
    }
}

}  // namespace ntm::engine::detail
