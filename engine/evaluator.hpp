// Internal to evaluate*.cpp: the state of one evaluation.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/evaluate.hpp"
#include "engine/vm.hpp"

namespace ntm::engine::detail {

class Evaluator {
public:
    Evaluator(const Program& p, const Dataset& d, const EvaluateOptions& o) : p_(p), d_(d), opt_(o) {}

    Evaluation evaluate_all();

private:
    const Entity& entity(std::uint32_t r) const { return d_.entities[d_.records[ev_.entities[r].record].entity]; }

    // evaluate.cpp: the layout, the threads, contexts and aggregates (the callbacks of ExprContext)
    void layout();
    void parallel(const std::vector<std::uint32_t>& results);
    ExprContext context(std::uint32_t r) const;
    std::optional<Region> other_region(std::uint32_t set, const ExprContext& base, Region chosen) const;
    static double revoked_at(const void* self, std::uint32_t r, std::uint32_t level);
    static double threshold_of(const void* self, std::uint32_t r, std::uint32_t indicator);
    static void aggregate_of(const void* self, std::uint32_t r, const Aggregate& agg, double& lo_out, double& hi_out);

    // evaluate.cpp: one record, up to its levels and gates
    void evaluate(std::uint32_t r);
    void categories(std::uint32_t r);
    void derive(std::uint32_t r);
    void not_judged(const EntityResult& er);
    void levels(std::uint32_t r);
    void judge_set(LevelResult& lr, ExprContext& ctx);
    void region_doubt(const SetDef& s, const ExprContext& ctx, Region other, IndicatorResult* ind) const;
    bool counts_districts(ExprRef e) const;
    Status gates(const LevelResult& lr, std::uint32_t scope_set, const ExprContext& ctx, Status status,
                 UnconfirmedAnd& marks);

    // evaluate_locality.cpp: the set of each level, for the locality the entity lies in
    int distance_to(std::uint32_t entity, const std::string& code) const;
    void scoped_sets();
    std::uint32_t set_for_locality(std::uint32_t level, std::uint32_t base, std::uint32_t entity) const;

    // evaluate_standing.cpp: what follows the levels, in the order evaluate() runs them
    void standard_counts(EntityResult& er) const;
    void revocations(std::uint32_t r);
    bool reads_criteria_met(ExprRef e) const;
    void classes(std::uint32_t r);
    void maintenance(std::uint32_t r);

    const Program& p_;
    const Dataset& d_;
    const EvaluateOptions& opt_;
    Evaluation ev_;
    std::vector<std::uint32_t> result_of_entity_;         // entity → result, or kNone
    // Result → child results: children_[child_begin_[r] .. child_begin_[r + 1]], in result order.
    std::vector<std::uint32_t> child_begin_;
    std::vector<std::uint32_t> children_;
    std::array<std::vector<std::uint32_t>, kKindCount> by_kind_;
    std::vector<double> values_;                           // per result: its slots (derived filled)
    std::vector<std::size_t> value_offset_;
    std::vector<std::vector<std::uint32_t>> scoped_;       // level → sets for a locality
};

}  // namespace ntm::engine::detail
