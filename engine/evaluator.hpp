// Internal to evaluate*.cpp: the state of one evaluation.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/evaluate.hpp"
#include "engine/judge.hpp"
#include "engine/vm.hpp"

namespace ntm::engine::detail {

// What judging an entity again (engine::trace) reads besides the Evaluation and the Dataset:
// each result's derived values, and its children.  Kept by an evaluation without its trace.
// A record's values are the Dataset's with its derived ones laid over them: the evaluation
// copies no other value.
// What an evaluation reads of each result's record and entity at every turn, side by side:
// Record and Entity are large, and read scattered they were much of an evaluation's time.
struct Row {
    std::size_t offset = 0;    // of its values in Dataset::values
    std::uint32_t entity = 0;  // in Dataset::entities
    EntityKind kind = EntityKind::xa;
    AdminMap map = AdminMap::three_tier;
    Region region = Region::TDMNPB;  // the entity's (own or inherited), TDMNPB where none
};

struct EvaluatorState {
    EvaluateOptions options;
    std::vector<Row> rows;  // per result
    // Per result, one per Program::derived of its kind, in that order, from derived_offset[r].
    std::vector<double> derived;
    std::vector<std::size_t> derived_offset;
    // Result → child results: children[child_begin[r] .. child_begin[r + 1]], in result order.
    std::vector<std::uint32_t> child_begin;
    std::vector<std::uint32_t> children;
    // Per region, one per Program::requirements: its thresholds where the region and the year
    // its set is judged in decide them (resolved once, read by every record of the region).
    std::vector<ResolvedRequirement> resolved;
    const ResolvedRequirement* resolved_for(Region region) const {
        return resolved.empty() ? nullptr : resolved.data() + region_index(region) * (resolved.size() / kRegionCount);
    }
};

// One record's own results while it is judged: where they are written.  In an evaluation,
// its places in the Evaluation (and a thread's scratch for the indicators and criteria when
// the trace is not kept); when engine::trace judges it again, fresh copies.  Every other
// record is read from the evaluation.
struct Slice {
    Slice() = default;
    // Result `result`'s places, the bases those of its first level.
    Slice(std::uint32_t result, EntityResult& entity, LevelResult* first)
        : r(result), er(&entity), levels(first) {
        if (entity.level_count == 0) return;
        gate0 = first[0].first_gate;
        indicator0 = first[0].first_indicator;
        criterion0 = first[0].first_criterion;
    }

    std::uint32_t r = 0;
    EntityResult* er = nullptr;
    LevelResult* levels = nullptr;  // er->level_count of them
    Status* gates = nullptr;        // from gate0
    IndicatorResult* indicators = nullptr;  // from indicator0
    CriterionResult* criteria = nullptr;    // from criterion0
    Status* classes = nullptr;              // one per Program::classes
    std::uint32_t* categories = nullptr;    // one per Program::categories
    std::uint32_t* category_doubts = nullptr;
    RevocationResult* revocations = nullptr;  // one per Program::revocations
    const double* values = nullptr;           // its slots: the Dataset's, or `own`
    double* own = nullptr;  // a copy of its slots that its derived values are written into, if its kind has any
    std::uint32_t gate0 = 0, indicator0 = 0, criterion0 = 0;

    Status* gates_of(const LevelResult& lr) const { return gates + (lr.first_gate - gate0); }
    IndicatorResult* indicators_of(const LevelResult& lr) const { return indicators + (lr.first_indicator - indicator0); }
    CriterionResult* criteria_of(const LevelResult& lr) const { return criteria + (lr.first_criterion - criterion0); }
};

// A thread's place for the record it judges: its values (the Dataset's, derived ones filled),
// and its indicator and criterion results when the trace is not kept.
struct Scratch {
    std::vector<double> values;
    std::vector<IndicatorResult> indicators;
    std::vector<CriterionResult> criteria;
};

class Evaluator {
public:
    Evaluator(const Program& p, const Dataset& d, const EvaluateOptions& o)
        : p_(p), d_(d), opt_(o), state_(std::make_shared<EvaluatorState>()), st_(state_.get()) {}
    // To judge records of a finished evaluation (one without its trace) again.
    Evaluator(const Program& p, const Dataset& d, const Evaluation& done)
        : p_(p), d_(d), opt_(done.state->options), view_(&done), st_(done.state.get()) {}
    Evaluator(const Evaluator&) = delete;
    Evaluator& operator=(const Evaluator&) = delete;

    Evaluation evaluate_all();
    Trace retrace(std::uint32_t r);

private:
    const Row& row(std::uint32_t r) const { return st_->rows[r]; }
    const Entity& entity(std::uint32_t r) const { return d_.entities[row(r).entity]; }
    EntityKind kind(std::uint32_t r) const { return row(r).kind; }

    // evaluate.cpp: the layout, the threads, contexts and aggregates (the callbacks of ExprContext)
    void layout();
    void resolve_thresholds();
    int judged_year(const SetDef& set, int year) const;  // the year `set` is judged as of
    void parallel(const std::vector<std::uint32_t>& results);
    Slice slice_of(std::uint32_t r, Scratch& scratch);
    // A record as evaluated (or the one judged again); `buffer` holds its values when a derived
    // one must be laid over the Dataset's (`derived`: the expression reads one).
    ExprContext context(std::uint32_t r, std::vector<double>& buffer, bool derived = true) const;
    const double* values_of(std::uint32_t r, std::vector<double>& buffer, bool derived) const;
    ExprContext context(const Slice& s) const;   // the record being judged
    ExprContext context(std::uint32_t r, const EntityResult& er, const Status* classes,
                        const std::uint32_t* categories, const double* slots) const;
    const RevocationResult* revocations_of(std::uint32_t r) const;
    std::optional<Region> other_region(std::uint32_t set, const ExprContext& base, Region chosen) const;
    static double revoked_at(const void* self, std::uint32_t r, std::uint32_t level);
    static double threshold_of(const void* self, std::uint32_t r, std::uint32_t indicator);
    static void aggregate_of(const void* self, std::uint32_t r, const Aggregate& agg, double& lo_out, double& hi_out);

    // evaluate.cpp: one record, up to its levels and gates
    void judge(const Slice& s);
    void categories(const Slice& s);
    void derive(const Slice& s);
    void not_judged(const Slice& s);
    void levels(const Slice& s);
    void judge_set(const Slice& s, LevelResult& lr, ExprContext& ctx);
    void region_doubt(const SetDef& set, const ExprContext& ctx, Region other, IndicatorResult* ind) const;
    bool counts_districts(ExprRef e) const;
    Status gates(const Slice& s, const LevelResult& lr, std::uint32_t scope_set, const ExprContext& ctx,
                 Status status, UnconfirmedAnd& marks);

    // evaluate_locality.cpp: the set of each level, for the locality the entity lies in
    static constexpr std::size_t kLocalitySteps = 8;  // how far up a locality is looked for
    void chain_of(std::uint32_t entity, std::vector<std::uint32_t>& chain) const;
    void scoped_sets();
    std::uint32_t set_for_locality(std::uint32_t level, std::uint32_t base, const std::vector<std::uint32_t>& chain) const;

    // evaluate_standing.cpp: what follows the levels, in the order judge() runs them
    void standard_counts(const Slice& s) const;
    void revocations(const Slice& s);
    bool reads_criteria_met(ExprRef e) const;
    void classes(const Slice& s);
    void maintenance(const Slice& s);

    const Program& p_;
    const Dataset& d_;
    const EvaluateOptions& opt_;
    Evaluation ev_;                    // being made (evaluate_all)
    const Evaluation* view_ = &ev_;    // what other records are read from
    std::shared_ptr<EvaluatorState> state_;  // being made (evaluate_all)
    const EvaluatorState* st_ = nullptr;     // what other records' values are read from
    const Slice* self_ = nullptr;      // the record judged again (retrace), read from its copies
    std::vector<bool> reads_derived_;  // per Program::aggregates: its operand reads a derived value
    std::vector<std::uint32_t> result_of_entity_;         // entity → result, or kNone
    std::vector<std::uint32_t> up_;                       // entity → its parent (Entity::parent), or kNone
    std::array<std::vector<std::uint32_t>, kKindCount> by_kind_;
    std::vector<std::vector<std::uint32_t>> scoped_;       // level → sets for a locality
    std::vector<std::vector<std::uint32_t>> locality_entities_;  // set → the entities its locality names
};

}  // namespace ntm::engine::detail
