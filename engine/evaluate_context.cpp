// What an expression reads of a record while it is judged (ExprContext): its own results, or
// another record's as evaluated; and the callbacks of ExprContext — revoked(L), threshold(SET,
// C) and the aggregates over the records below.
#include <algorithm>
#include <optional>
#include <vector>

#include "engine/evaluator.hpp"
#include "engine/judge.hpp"
#include "engine/vm.hpp"

namespace ntm::engine::detail {

ExprContext Evaluator::context(std::uint32_t r, std::vector<double>& buffer, bool derived) const {
    if (self_ != nullptr && self_->r == r) return context(*self_);
    const EntityResult& er = view_->entities[r];
    return context(r, er, view_->classes.data() + er.first_class, view_->categories.data() + er.first_category,
                   values_of(r, buffer, derived));
}

// Record `r`'s values: the Dataset's, or (when its kind derives values and `derived`) a copy in
// `buffer` with them laid over.
const double* Evaluator::values_of(std::uint32_t r, std::vector<double>& buffer, bool derived) const {
    const auto& derive = p_.derived[kind_index(kind(r))];
    const double* raw = d_.values.data() + row(r).offset;
    if (derive.empty() || !derived) return raw;
    buffer.assign(raw, raw + p_.schema.slots(kind(r)));
    const double* own = st_->derived.data() + st_->derived_offset[r];
    for (std::size_t k = 0; k < derive.size(); ++k) buffer[derive[k].first] = own[k];
    return buffer.data();
}

ExprContext Evaluator::context(const Slice& s) const {
    return context(s.r, *s.er, s.classes, s.categories, s.values);
}

ExprContext Evaluator::context(std::uint32_t r, const EntityResult& er, const Status* classes,
                               const std::uint32_t* categories, const double* slots) const {
    const Entity& e = entity(r);
    ExprContext ctx;
    ctx.slots = slots;
    ctx.year = opt_.year;
    ctx.region = er.region;
    ctx.level = er.level;
    ctx.level_max = er.level_max;
    ctx.criteria_met = er.criteria_met;
    ctx.criteria_unknown = er.criteria_unknown;
    ctx.classes = classes;
    ctx.categories = categories;
    ctx.revoked = er.revoked == Status::met ? 1.0 : er.revoked == Status::unknown ? kUnknown : 0.0;
    ctx.recognitions = &e.recognised;
    ctx.code = &e.code;
    ctx.parent = &e.parent_code;
    ctx.type = &e.type;
    ctx.evaluator = this;
    ctx.entity = r;
    ctx.aggregate = &Evaluator::aggregate_of;
    ctx.threshold = &Evaluator::threshold_of;
    ctx.revoked_at = &Evaluator::revoked_at;
    return ctx;
}

const RevocationResult* Evaluator::revocations_of(std::uint32_t r) const {
    if (self_ != nullptr && self_->r == r) return self_->revocations;
    return view_->revocations.data() + view_->entities[r].first_revocation;
}

// The region a set's rules would give if the first rule whose condition is unknown held
// (`region TDMNPB when xa_dbkk` with xa_dbkk missing), when that differs from region_for.
std::optional<Region> Evaluator::other_region(std::uint32_t set, const ExprContext& base, Region chosen) const {
    for (const RegionRule& rule : p_.sets[set].region_rules) {
        const double when = run(p_, rule.when, base);
        if (when == 1) return std::nullopt;
        if (!known(when)) return rule.region != chosen ? std::optional<Region>(rule.region) : std::nullopt;
    }
    return std::nullopt;
}

// revoked(L): the Kleene `or` of the entity's rules revoking level L; no when none applies.
double Evaluator::revoked_at(const void* self, std::uint32_t r, std::uint32_t level) {
    const auto* ev = static_cast<const Evaluator*>(self);
    const RevocationResult* results = ev->revocations_of(r);
    double out = 0;
    for (std::uint32_t q = 0; q < ev->p_.revocations.size(); ++q) {
        if (ev->p_.revocations[q].level != level) continue;
        const Status s = results[q].status;
        if (s == Status::met) return 1;
        if (s == Status::unknown) out = kUnknown;
    }
    return out;
}

double Evaluator::threshold_of(const void* self, std::uint32_t r, std::uint32_t indicator) {
    const auto* ev = static_cast<const Evaluator*>(self);
    std::vector<double> buffer;
    ExprContext ctx = ev->context(r, buffer);
    ctx.region = region_for(ev->p_, ev->p_.indicators[indicator].set, ctx);
    return indicator_threshold(ev->p_, indicator, ctx);
}

void Evaluator::aggregate_of(const void* self, std::uint32_t r, const Aggregate& agg, double& lo_out, double& hi_out) {
    const auto* ev = static_cast<const Evaluator*>(self);
    double count = 0, yes = 0, maybe = 0, sum = 0, lo = kUnknown, hi = kUnknown;
    bool unknown = false;
    std::vector<std::uint32_t> stack;  // depth first, children in order
    std::vector<double> buffer;        // a child's values, when the operand reads a derived one
    const std::size_t which = static_cast<std::size_t>(&agg - ev->p_.aggregates.data());
    const bool derived = which >= ev->reads_derived_.size() || ev->reads_derived_[which];
    const auto push_children = [ev, &stack](std::uint32_t of) {
        const EvaluatorState& st = *ev->st_;
        for (std::uint32_t k = st.child_begin[of + 1]; k > st.child_begin[of]; --k) stack.push_back(st.children[k - 1]);
    };
    push_children(r);
    while (!stack.empty()) {
        const std::uint32_t c = stack.back();
        stack.pop_back();
        if (ev->kind(c) != agg.kind) {
            push_children(c);
            continue;
        }
        if (!ev->view_->entities[c].judged) continue;  // a phường among the communes: not counted
        ++count;
        const double v = agg.operand.valid() ? run(ev->p_, agg.operand, ev->context(c, buffer, derived)) : 1.0;
        if (!known(v)) {
            unknown = true;
            ++maybe;
            continue;
        }
        yes += v != 0;
        sum += v;
        lo = known(lo) ? std::min(lo, v) : v;
        hi = known(hi) ? std::max(hi, v) : v;
    }
    lo_out = hi_out = kUnknown;
    switch (agg.fn) {
        case AggregateFn::count:
            lo_out = yes;
            hi_out = yes + maybe;
            return;
        case AggregateFn::share:
            if (count == 0) return;
            lo_out = 100.0 * yes / count;
            hi_out = 100.0 * (yes + maybe) / count;
            return;
        case AggregateFn::sum: lo_out = hi_out = unknown ? kUnknown : sum; return;
        case AggregateFn::min: lo_out = hi_out = unknown ? kUnknown : lo; return;
        case AggregateFn::max: lo_out = hi_out = unknown ? kUnknown : hi; return;
        case AggregateFn::mean: lo_out = hi_out = unknown || count == 0 ? kUnknown : sum / count; return;
    }
}

}  // namespace ntm::engine::detail
