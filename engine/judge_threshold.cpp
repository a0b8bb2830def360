// The thresholds in force (engine/judge.hpp): the region a set's rules give, the category an
// entity is in, the walk of a threshold tree, a requirement's thresholds resolved once for a
// region and a year, and an indicator judged under each category an entity may be in.  The
// verdicts themselves are judge.cpp's.
#include "engine/judge.hpp"

#include <algorithm>
#include <vector>

namespace ntm::engine {

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

}  // namespace ntm::engine
