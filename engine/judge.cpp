// The verdicts (engine/judge.hpp): an indicator's against its requirements, a criterion's from
// its indicators, the marks of unconfirmed figures, and the comparisons.  The thresholds in force
// are judge_threshold.cpp's.
#include "engine/judge.hpp"

#include <algorithm>
#include <cmath>

namespace ntm::engine {

namespace {

// The value of `def` and its requirements in order, for an entity it applies to (or may).
void judge_requirements(const Program& p, const IndicatorDef& def, const ExprContext& ctx, IndicatorResult& out,
                        const ResolvedRequirement* resolved) {
    out.value = def.slot != kNone ? ctx.slots[def.slot] : run(p, def.value, ctx);
    out.status = Status::met;
    std::uint32_t met_mark = kNone;  // a marked requirement passed that another figure could fail
    for (std::uint32_t i = 0; i < def.requirement_count; ++i) {
        const std::uint32_t ri = def.first_requirement + i;
        const Requirement& req = p.requirements[ri];
        std::uint32_t taken = kNone;
        std::uint32_t mark = kNone;
        double lo = kUnknown, hi = kUnknown;
        if (resolved != nullptr && resolved[ri].resolved && resolved[ri].year == ctx.year) {
            lo = resolved[ri].low;
            hi = resolved[ri].high;
            mark = resolved[ri].mark;
        } else {
            lo = threshold_value(p, req.low, ctx, &taken, &mark);
            hi = threshold_value(p, req.high, ctx, &taken, &mark);
        }
        if (mark == kNone) mark = req.unconfirmed != kNone ? req.unconfirmed : def.unconfirmed;
        const bool needs_lo = req.cmp != dsl::Cmp::yes && req.cmp != dsl::Cmp::no;
        // The threshold shown is that of the first requirement, until one fails.
        if (out.requirement == kNone || out.status == Status::met) {
            out.requirement = ri;
            out.threshold_case = taken;
            out.low = lo;
            out.high = hi;
        }
        if (!known(out.value) || (needs_lo && !known(lo)) || (req.cmp == dsl::Cmp::in_range && !known(hi))) {
            if (out.status == Status::met) out.status = Status::unknown;
            continue;
        }
        if (!passes(req.cmp, out.value, lo, hi)) {
            out.status = Status::not_met;
            out.requirement = ri;
            out.threshold_case = taken;
            out.low = lo;
            out.high = hi;
            out.gap = gap_of(req.cmp, out.value, lo, hi);
            if (mark != kNone && could_change(req.cmp, out.value, def.percent, false)) out.unconfirmed = mark;
            return;
        }
        if (met_mark == kNone && mark != kNone && could_change(req.cmp, out.value, def.percent, true)) met_mark = mark;
    }
    if (out.status == Status::met) out.unconfirmed = met_mark;
}

}  // namespace

void judge_indicator(const Program& p, const IndicatorDef& def, const ExprContext& ctx, IndicatorResult& out,
                     const ResolvedRequirement* resolved) {
    out = IndicatorResult{};
    const double applies = def.applies.valid() ? run(p, def.applies, ctx) : 1.0;
    if (applies == 0) {
        out.status = Status::not_applicable;
        return;
    }
    judge_requirements(p, def, ctx, out, resolved);
    if (!known(applies)) {
        // Met if the value passes, as "not applicable" would count as met too; else unknown.
        out.applies_unknown = true;
        if (out.status != Status::met) {
            out.status = Status::unknown;
            out.gap = kUnknown;
            out.unconfirmed = kNone;
        }
    }
}

CriterionResult judge_criterion(const CriterionDef& def, const IndicatorResult* results) {
    CriterionResult c;
    // By Status, sixteen bits each (a criterion has far fewer indicators), in one register:
    // counts in an array indexed by status, stored to one at a time and read back together,
    // stalled the processor at every criterion.
    std::uint64_t counts = 0;
    int marked_met = 0, marked_not_met = 0;
    std::uint32_t met_mark = kNone, not_met_mark = kNone;
    for (std::uint32_t i = 0; i < def.indicator_count; ++i) {
        const IndicatorResult& r = results[i];
        counts += std::uint64_t{1} << (16 * static_cast<unsigned>(r.status));
        if (r.unconfirmed == kNone) continue;
        if (r.status == Status::met) {
            ++marked_met;
            if (met_mark == kNone) met_mark = r.unconfirmed;
        } else if (r.status == Status::not_met) {
            ++marked_not_met;
            if (not_met_mark == kNone) not_met_mark = r.unconfirmed;
        }
    }
    const auto count = [&](Status s) { return static_cast<std::uint16_t>(counts >> (16 * static_cast<unsigned>(s))); };
    c.met = count(Status::met);
    c.not_met = count(Status::not_met);
    c.unknown = count(Status::unknown);
    c.not_applicable = count(Status::not_applicable);
    const int applicable = c.met + c.not_met + c.unknown;
    int need = applicable;  // all
    if (def.combine == dsl::CombineKind::any) need = std::min(applicable, 1);
    if (def.combine == dsl::CombineKind::at_least) need = def.at_least;
    if (applicable == 0) {
        c.status = Status::not_applicable;
    } else if (c.met >= need) {
        c.status = Status::met;
    } else if (c.met + c.unknown >= need) {
        c.status = Status::unknown;
    } else {
        c.status = Status::not_met;
    }
    // Rests on an unconfirmed figure when the marked verdicts turned the other way would
    // change the criterion's.
    if (c.status == Status::met && c.met - marked_met < need) c.unconfirmed = met_mark;
    if (c.status == Status::not_met && c.met + marked_not_met + c.unknown >= need) c.unconfirmed = not_met_mark;
    if (c.status == Status::unknown) {
        if (c.met + marked_not_met >= need) c.unconfirmed = not_met_mark;            // could be met
        else if (c.met - marked_met + c.unknown < need) c.unconfirmed = met_mark;   // could be not met
    }
    return c;
}

bool could_change(dsl::Cmp cmp, double v, bool percent, bool met) {
    switch (cmp) {
        case dsl::Cmp::ge:
        case dsl::Cmp::gt: return met ? !(percent && v >= 100) : v > 0;
        case dsl::Cmp::le:
        case dsl::Cmp::lt: return met ? v > 0 : !(percent && v >= 100);
        default: return true;
    }
}

void UnconfirmedAnd::add(Status s, std::uint32_t mark) {
    if (s == Status::met && mark != kNone && met_mark == kNone) met_mark = mark;
    if (s == Status::not_met) {
        if (mark == kNone) unmarked_not_met = true;
        else if (not_met_mark == kNone) not_met_mark = mark;
    }
}

std::uint32_t UnconfirmedAnd::result(Status verdict) const {
    switch (verdict) {
        case Status::met:
        case Status::unknown: return met_mark;
        case Status::not_met: return unmarked_not_met ? kNone : not_met_mark;
        case Status::not_applicable: break;
    }
    return kNone;
}

Status status_and(Status a, Status b) {
    if (a == Status::not_met || b == Status::not_met) return Status::not_met;
    if (a == Status::unknown || b == Status::unknown) return Status::unknown;
    return Status::met;
}

Status truth(double v) {
    if (!known(v)) return Status::unknown;
    return v != 0 ? Status::met : Status::not_met;
}

double gap_of(dsl::Cmp cmp, double v, double lo, double hi) {
    switch (cmp) {
        case dsl::Cmp::ge:
        case dsl::Cmp::gt: return lo - v;
        case dsl::Cmp::le:
        case dsl::Cmp::lt: return v - lo;
        case dsl::Cmp::eq: return std::fabs(v - lo);
        case dsl::Cmp::in_range: return v < lo ? lo - v : v - hi;
        default: return kUnknown;
    }
}

int direction(dsl::Cmp cmp) {
    switch (cmp) {
        case dsl::Cmp::ge:
        case dsl::Cmp::gt:
        case dsl::Cmp::yes: return 1;
        case dsl::Cmp::le:
        case dsl::Cmp::lt:
        case dsl::Cmp::no: return -1;
        default: return 0;
    }
}

}  // namespace ntm::engine
