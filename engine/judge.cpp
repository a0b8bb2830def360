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
    std::uint16_t counts[4] = {0, 0, 0, 0};  // by Status
    int marked_met = 0, marked_not_met = 0;
    std::uint32_t met_mark = kNone, not_met_mark = kNone;
    for (std::uint32_t i = 0; i < def.indicator_count; ++i) {
        const IndicatorResult& r = results[i];
        ++counts[static_cast<std::size_t>(r.status)];
        if (r.unconfirmed == kNone) continue;
        if (r.status == Status::met) {
            ++marked_met;
            if (met_mark == kNone) met_mark = r.unconfirmed;
        } else if (r.status == Status::not_met) {
            ++marked_not_met;
            if (not_met_mark == kNone) not_met_mark = r.unconfirmed;
        }
    }
    c.met = counts[static_cast<std::size_t>(Status::met)];
    c.not_met = counts[static_cast<std::size_t>(Status::not_met)];
    c.unknown = counts[static_cast<std::size_t>(Status::unknown)];
    c.not_applicable = counts[static_cast<std::size_t>(Status::not_applicable)];
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

Region region_for(const Program& p, std::uint32_t set, const ExprContext& ctx) {
    for (const RegionRule& rule : p.sets[set].region_rules) {
        if (run(p, rule.when, ctx) == 1) return rule.region;
    }
    return ctx.region;
}

std::uint32_t category_candidates(const Program& p, std::uint32_t category, const ExprContext& ctx,
                                  std::vector<std::uint32_t>* out) {
    const CategoryDef& c = p.categories[category];
    std::uint32_t chosen = kNone;
    bool doubt = false;
    for (std::uint32_t m = 0; m < c.members.size(); ++m) {
        const double when = c.members[m].when.valid() ? run(p, c.members[m].when, ctx) : 1.0;
        if (when == 0) continue;
        if (out != nullptr) out->push_back(m);
        if (!known(when)) {
            doubt = true;
            continue;
        }
        chosen = m;
        break;
    }
    return doubt ? kNone : chosen;
}

namespace {

// One step down threshold tree node `n` for the entity of `ctx`: the child its region, category,
// year or first `when` case that holds chooses — or why the walk stops.
struct ThresholdStep {
    std::uint32_t next = kNone;      // the child chosen; kNone: no entry applies
    std::uint32_t waiting = kNone;   // stopped: the category (Program::categories) not decided
    bool case_unknown = false;       // stopped: a `when` condition before the chosen one lacks data
    std::uint32_t taken = kNone;     // the `when` case that chose the child (Program::case_entries)
};

ThresholdStep step(const Program& p, const ThresholdNode& n, const ExprContext& ctx) {
    ThresholdStep s;
    switch (n.kind) {
        case ThresholdKind::constant: break;
        case ThresholdKind::by_region: s.next = p.region_children[n.first + region_index(ctx.region)]; break;
        case ThresholdKind::by_category: {
            const std::uint32_t m = ctx.categories != nullptr ? ctx.categories[n.category] : kNone;
            if (m == kNone) {
                s.waiting = n.category;
            } else {
                s.next = p.category_children[n.first + m];
            }
            break;
        }
        case ThresholdKind::by_year:
            for (std::uint32_t i = 0; i < n.count; ++i) {
                const YearEntry& y = p.year_entries[n.first + i];
                if (y.from <= ctx.year && ctx.year <= y.to) s.next = y.node;
            }
            break;
        case ThresholdKind::cases:
            for (std::uint32_t i = 0; i < n.count && s.next == kNone; ++i) {
                const CaseEntry& c = p.case_entries[n.first + i];
                const double when = c.when.valid() ? run(p, c.when, ctx) : 1.0;
                if (!known(when)) {
                    s.case_unknown = true;
                    return s;
                }
                if (when == 1) {
                    s.next = c.node;
                    s.taken = n.first + i;
                }
            }
            break;
    }
    return s;
}

// The first category the choice of threshold `node` for `ctx` stops at for want of data (a
// table by year whose year's entry is by category, say; not that of another year), or kNone.
std::uint32_t waiting_category(const Program& p, std::uint32_t node, const ExprContext& ctx) {
    while (node != kNone) {
        const ThresholdNode& n = p.threshold_nodes[node];
        if (n.kind == ThresholdKind::constant) return kNone;
        const ThresholdStep s = step(p, n, ctx);
        if (s.waiting != kNone || s.case_unknown) return s.waiting;
        node = s.next;
    }
    return kNone;
}

std::uint32_t waiting_category(const Program& p, const IndicatorDef& def, const ExprContext& ctx) {
    for (std::uint32_t r = def.first_requirement; r < def.first_requirement + def.requirement_count; ++r) {
        for (std::uint32_t node : {p.requirements[r].low, p.requirements[r].high}) {
            if (const std::uint32_t c = waiting_category(p, node, ctx); c != kNone) return c;
        }
    }
    return kNone;
}

// Judges an indicator under each member the entity may be in of each undecided category the
// threshold in force reaches, one category at a time, folding the verdicts into `out`.
struct Doubt {
    const Program& p;
    const IndicatorDef& def;
    std::vector<std::uint32_t> chosen;  // per Program::categories
    IndicatorResult out;
    bool first = true;
    double budget = kMaxCategoryCombinations;

    // False when more verdicts than the budget were needed.
    bool judge(ExprContext& ctx) {
        ctx.categories = chosen.data();
        const std::uint32_t c = waiting_category(p, def, ctx);
        if (c == kNone) return fold(ctx);
        std::vector<std::uint32_t> members;
        category_candidates(p, c, ctx, &members);
        for (std::uint32_t m : members) {
            chosen[c] = m;
            if (!judge(ctx)) return false;
        }
        chosen[c] = kNone;
        return true;
    }

    bool fold(const ExprContext& ctx) {
        if (--budget < 0) return false;
        IndicatorResult alt;
        judge_indicator(p, def, ctx, alt);
        if (known(alt.low)) {
            out.low_min = known(out.low_min) ? std::min(out.low_min, alt.low) : alt.low;
            out.low_max = known(out.low_max) ? std::max(out.low_max, alt.low) : alt.low;
        }
        if (first) {
            const double lo = out.low_min, hi = out.low_max;
            out = alt;
            out.low_min = lo;
            out.low_max = hi;
            first = false;
            return true;
        }
        if (alt.status != out.status) out.status = Status::unknown;
        if (!approx_equal(alt.low, out.low)) out.low = kUnknown;
        if (!approx_equal(alt.high, out.high)) out.high = kUnknown;
        if (!approx_equal(alt.gap, out.gap)) out.gap = kUnknown;
        if (alt.requirement != out.requirement) out.requirement = kNone;
        return true;
    }
};

}  // namespace

void category_doubt(const Program& p, std::uint32_t indicator, const ExprContext& ctx, IndicatorResult& out) {
    const IndicatorDef& def = p.indicators[indicator];
    if (ctx.categories == nullptr || def.categories.empty()) return;
    if (waiting_category(p, def, ctx) == kNone) return;
    out.category_unknown = true;
    Doubt doubt{p, def, std::vector<std::uint32_t>(ctx.categories, ctx.categories + p.categories.size()), {}};
    ExprContext actx = ctx;
    if (!doubt.judge(actx) || doubt.first) return;  // too many to judge: left as judged
    IndicatorResult& combined = doubt.out;
    if (combined.status == Status::unknown) combined.gap = kUnknown;
    if (known(combined.low)) combined.low_min = combined.low_max = kUnknown;  // one threshold after all
    combined.category_unknown = true;
    combined.region_unknown = out.region_unknown;
    if (out.region_unknown) combined.status = Status::unknown;
    out = combined;
}

double threshold_value(const Program& p, std::uint32_t node, const ExprContext& ctx, std::uint32_t* taken,
                       std::uint32_t* mark) {
    while (node != kNone) {
        const ThresholdNode& n = p.threshold_nodes[node];
        if (mark != nullptr && n.unconfirmed != kNone) *mark = n.unconfirmed;
        if (n.kind == ThresholdKind::constant) return n.value;
        const ThresholdStep s = step(p, n, ctx);
        // The entity's category is not known, or which case applies cannot be told.
        if (s.waiting != kNone || s.case_unknown) return kUnknown;
        if (s.taken != kNone && taken != nullptr) *taken = s.taken;
        node = s.next;
    }
    return kUnknown;
}

namespace {

// Whether the threshold tree from `node` is decided by the region and the year alone for `ctx`:
// the walk meets no `when` case and no table by category.
bool decided_by_place_and_year(const Program& p, std::uint32_t node, const ExprContext& ctx) {
    while (node != kNone) {
        const ThresholdNode& n = p.threshold_nodes[node];
        if (n.kind == ThresholdKind::constant) return true;
        if (n.kind == ThresholdKind::cases || n.kind == ThresholdKind::by_category) return false;
        node = step(p, n, ctx).next;
    }
    return true;
}

}  // namespace

ResolvedRequirement resolve_requirement(const Program& p, std::uint32_t requirement, Region region, int year) {
    const Requirement& req = p.requirements[requirement];
    ExprContext ctx;
    ctx.region = region;
    ctx.year = year;
    ResolvedRequirement r;
    if (!decided_by_place_and_year(p, req.low, ctx) || !decided_by_place_and_year(p, req.high, ctx)) return r;
    r.resolved = true;
    r.year = year;
    r.low = threshold_value(p, req.low, ctx, nullptr, &r.mark);
    r.high = threshold_value(p, req.high, ctx, nullptr, &r.mark);
    return r;
}

double requirement_threshold(const Program& p, std::uint32_t requirement, const ExprContext& ctx, bool high) {
    const Requirement& req = p.requirements[requirement];
    return threshold_value(p, high ? req.high : req.low, ctx);
}

double indicator_threshold(const Program& p, std::uint32_t indicator, const ExprContext& ctx) {
    const IndicatorDef& ind = p.indicators[indicator];
    return ind.requirement_count == 0 ? kUnknown : requirement_threshold(p, ind.first_requirement, ctx);
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
