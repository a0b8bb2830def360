// Where a record's results go while it is judged (a Slice), and judging one record of a
// finished evaluation again: engine::trace(), for an evaluation that did not keep its indicator
// and criterion results (EvaluateOptions::trace).
#include <utility>

#include "engine/evaluate.hpp"
#include "engine/evaluator.hpp"

namespace ntm::engine {

namespace detail {

// How many indicator and criterion results the levels `levels[0 .. count)` hold, from the
// first level's offsets.
namespace {

std::pair<std::size_t, std::size_t> trace_size(const Program& p, const LevelResult* levels, std::uint32_t count) {
    if (count == 0) return {0, 0};
    std::size_t indicators = 0, criteria = 0;
    for (std::uint32_t l = 0; l < count; ++l) {
        if (levels[l].set == kNone) continue;
        indicators = levels[l].first_indicator - levels[0].first_indicator + p.sets[levels[l].set].indicator_count;
        criteria = levels[l].first_criterion - levels[0].first_criterion + p.sets[levels[l].set].criterion_count;
    }
    return {indicators, criteria};
}

}  // namespace

// Where record `r`'s results go: its places in the evaluation, and `scratch` for its indicator
// and criterion results when the trace is not kept (not cleared: judge_set writes every result
// of a level it judges, and levels() clears those of a level with a set it does not judge).
Slice Evaluator::slice_of(std::uint32_t r, Scratch& scratch) {
    EntityResult& er = ev_.entities[r];
    Slice s(r, er, ev_.levels.data() + er.first_level);
    s.gates = ev_.gates.data() + s.gate0;
    if (opt_.trace) {
        s.indicators = ev_.indicators.data() + s.indicator0;
        s.criteria = ev_.criteria.data() + s.criterion0;
    } else {
        const auto [indicators, criteria] = trace_size(p_, s.levels, er.level_count);
        if (scratch.indicators.size() < indicators) scratch.indicators.resize(indicators);
        if (scratch.criteria.size() < criteria) scratch.criteria.resize(criteria);
        s.indicators = scratch.indicators.data();
        s.criteria = scratch.criteria.data();
    }
    s.classes = ev_.classes.data() + er.first_class;
    s.categories = ev_.categories.data() + er.first_category;
    s.category_doubts = ev_.category_doubts.data() + er.first_category;
    s.revocations = ev_.revocations.data() + er.first_revocation;
    // The Dataset's values, copied only when derived values are to be laid over them.
    s.values = d_.values.data() + row(r).offset;
    if (!p_.derived[kind_index(kind(r))].empty()) {
        scratch.values.assign(s.values, s.values + p_.schema.slots(kind(r)));
        s.values = s.own = scratch.values.data();
    }
    return s;
}

// Judges record `r` of a finished evaluation again, from fresh copies of its own results (as
// the evaluation laid them out), reading every other record from the evaluation: the same
// steps on the same inputs, hence the same results.  Gives its indicator and criterion results.
Trace Evaluator::retrace(std::uint32_t r) {
    const EntityResult& done = view_->entities[r];
    EntityResult er;
    er.record = done.record;
    er.judged = done.judged;
    er.first_level = done.first_level;
    er.level_count = done.level_count;
    er.first_class = done.first_class;
    er.first_category = done.first_category;
    er.first_revocation = done.first_revocation;
    std::vector<LevelResult> levels(done.level_count);
    std::size_t gates = 0;
    for (std::uint32_t l = 0; l < done.level_count; ++l) {
        const LevelResult& d = view_->levels[done.first_level + l];
        levels[l].level = d.level;
        levels[l].set = d.set;
        levels[l].first_gate = d.first_gate;
        levels[l].first_criterion = d.first_criterion;
        levels[l].first_indicator = d.first_indicator;
        gates += p_.levels[d.level].gates.size();
    }
    std::vector<Status> gate_results(gates, Status::unknown);
    std::vector<Status> classes(p_.classes.size(), Status::not_applicable);
    std::vector<std::uint32_t> categories(p_.categories.size(), kNone), doubts(p_.categories.size(), kNone);
    std::vector<RevocationResult> revocations(p_.revocations.size());
    const double* raw = d_.values.data() + row(r).offset;
    std::vector<double> values(raw, raw + p_.schema.slots(kind(r)));
    Trace t;
    const auto [indicators, criteria] = trace_size(p_, levels.data(), done.level_count);
    t.own_indicators_.resize(indicators);
    t.own_criteria_.resize(criteria);
    Slice s(r, er, levels.data());
    s.gates = gate_results.data();
    s.indicators = t.own_indicators_.data();
    s.criteria = t.own_criteria_.data();
    s.classes = classes.data();
    s.categories = categories.data();
    s.category_doubts = doubts.data();
    s.revocations = revocations.data();
    s.values = s.own = values.data();
    self_ = &s;
    judge(s);
    self_ = nullptr;
    t.indicators_ = t.own_indicators_.data();
    t.criteria_ = t.own_criteria_.data();
    t.indicator0_ = s.indicator0;
    t.criterion0_ = s.criterion0;
    return t;
}

}  // namespace detail

Trace trace(const Program& program, const Dataset& data, const Evaluation& evaluation, std::uint32_t result) {
    if (evaluation.traced || evaluation.state == nullptr) {
        Trace t;
        t.indicators_ = evaluation.indicators.data();
        t.criteria_ = evaluation.criteria.data();
        return t;
    }
    return detail::Evaluator(program, data, evaluation).retrace(result);
}

}  // namespace ntm::engine
