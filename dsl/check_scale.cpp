// Pass: a percentage written as a fraction (W0302), `0.3` where the indicator's other regions,
// years or the set it extends say 30.
//
// A threshold of a percent indicator at or below 1 may well be a true small rate (a poverty
// rate of 1 %), so it alone proves nothing.  It is reported only when the indicator's other
// figures, in this set and in the sets it extends, are above 1 and the figure times 100 lies
// among them (from half the smallest to twice the largest): 0.3 beside 30..40 is reported,
// `DNB: 1` beside `TDMNPB: 6` is not.  A figure written with `%` says what it means and is
// never reported; one above 100 is E0213.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "dsl/check_pass.hpp"

namespace ntm::dsl::check_detail {
namespace {

void collect(const Threshold* t, std::vector<const Number*>& out) {
    if (t == nullptr) return;
    if (t->kind == ThresholdKind::constant) out.push_back(&t->constant);
    for (const auto& r : t->regions) collect(r.value.get(), out);
    for (const auto& y : t->years) collect(y.value.get(), out);
    for (const auto& row : t->table_rows) {
        for (const Number& n : row.values) out.push_back(&n);
    }
    for (const auto& c : t->cases) collect(c.value.get(), out);
    collect(t->otherwise.get(), out);
}

void collect(const std::vector<Requirement>& reqs, std::vector<const Number*>& out) {
    for (const Requirement& r : reqs) {
        collect(r.low.get(), out);
        collect(r.high.get(), out);
    }
}

bool fraction_like(const Number& n) {
    return !n.percent && n.value > 0 && n.value <= 1;
}

void indicator(Context& cx, std::size_t set, const EffectiveIndicator& ind) {
    std::vector<const Number*> own;
    collect(*ind.requirements.node, own);
    // The figures it is compared with: its own, and those of the same indicator in the sets
    // this one extends.
    std::vector<const Number*> others;
    for (const Number* n : own) {
        if (n->value > 1) others.push_back(n);
    }
    for (auto base = cx.out.sets[set].base; base; base = cx.out.sets[*base].base) {
        const EffectiveIndicator* b = cx.out.sets[*base].indicator(ind.code);
        if (b == nullptr || !b->requirements || b->unit_name != "percent") continue;
        std::vector<const Number*> theirs;
        collect(*b->requirements.node, theirs);
        for (const Number* n : theirs) {
            if (n->value > 1) others.push_back(n);
        }
    }
    if (others.empty()) return;
    const auto [lo, hi] = std::minmax_element(others.begin(), others.end(),
                                              [](const Number* a, const Number* b) { return a->value < b->value; });
    for (const Number* n : own) {
        if (!fraction_like(*n)) continue;
        const double scaled = n->value * 100;
        if (scaled < (*lo)->value / 2 || scaled > std::min(100.0, (*hi)->value * 2)) continue;
        // The figure nearest to what it would be as a percentage, for the note.
        const Number* near = *std::min_element(others.begin(), others.end(), [&](const Number* a, const Number* b) {
            return std::abs(a->value - scaled) < std::abs(b->value - scaled);
        });
        Diagnostic& d = cx.diags.warning("W0302", n->span, say("W0302", number_text(*n), ind.code));
        d.notes.push_back({near->span, say("W0302.note", number_text(*near))});
        d.help = say("W0302.help", fmt::format("{:.6g}", scaled));
    }
}

}  // namespace

void check_scale(Context& cx) {
    for (std::size_t i = 0; i < cx.out.sets.size(); ++i) {
        for (const EffectiveCriterion& c : cx.out.sets[i].criteria) {
            for (const EffectiveIndicator& ind : c.indicators) {
                // Each figure once: in the set whose requirements give it.
                if (ind.unit_name != "percent" || !ind.requirements || ind.requirements.set != i) continue;
                if (has_error_within(cx.diags, ind.declared.node->span)) continue;
                indicator(cx, i, ind);
            }
        }
    }
}

}  // namespace ntm::dsl::check_detail
