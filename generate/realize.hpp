// Internal to the generator: the values of one entity-year, from a plan of what passes.
//
// The plan is made per criterion: a criterion of the set of level L passes with a probability
// that rises with the entity's score and falls with L (nâng cao is harder than đạt chuẩn); the
// same uniform draw per entity and criterion serves every year, so a commune improves
// steadily instead of jumping about.  A criterion that fails gets one failing indicator (enough
// of them for `at_least` and `any`), among those that can fail at that level while passing the
// levels below.  A scenario directive replaces the draws.  Values are then drawn: each input
// column against the thresholds of every level's set (pass all, or pass those below and fail
// the planned one), each computed indicator and each gate by drawing its inputs and checking
// with the probe, a bounded number of times.
#pragma once

#include <cstdint>
#include <vector>

#include "generate/edge.hpp"
#include "generate/values.hpp"

namespace ntm::gen {

struct Job {
    const Entity* entity = nullptr;
    int year = 0;
    double* slots = nullptr;  // the record's values; attributes and presence inputs are set
    const std::vector<Stage>* stages = nullptr;
    double score = 0;  // latent development score in this year
    std::uint64_t seed = 0;
    int attempt = 0;                            // > 0: a directive was not met; plan again
    const Directive* directive = nullptr;       // level or fail
    std::vector<const Directive*> sets;         // set directives
    double missing = 0;                         // chance that the record lacks some values
    // Rule tests (generate/edge.hpp): every measured input at the edge of passing (or of
    // failing) instead of drawn by the plan, and the slots a test gave (1) kept as they are.
    Edge edge = Edge::none;
    int pass_up_to = -1;  // Edge::pass: the highest level ordinal that passes (-1: all)
    const std::vector<std::uint8_t>* fixed = nullptr;

    bool kept(std::size_t slot) const { return fixed != nullptr && slot < fixed->size() && (*fixed)[slot] != 0; }
};

// Difficulty offsets of the plan: a criterion passes at level ordinal L with probability
// logistic(score - difficulty(code) - stage_offset(L)).
double stage_offset(int ordinal);
double difficulty(std::string_view code);

class Realizer {
public:
    Realizer(const Program& p, const Model& m, const std::array<std::vector<Shape>, kKindCount>& shapes)
        : p_(p), m_(m), shapes_(shapes), probe_(p) {}

    void run(const Job& job);

private:
    const Program& p_;
    const Model& m_;
    const std::array<std::vector<Shape>, kKindCount>& shapes_;
    Probe probe_;
    const Job* job_ = nullptr;
    const KindModel* km_ = nullptr;
    const std::vector<Shape>* shape_ = nullptr;
    std::vector<Shape> edge_shapes_;  // Job::edge: the shapes, with finer steps
    std::vector<std::vector<std::int8_t>> want_;       // per stage, per indicator: 1 pass, 0 fail
    std::vector<std::vector<std::int8_t>> gate_want_;  // per stage, per gate: 1, 0, -1 no matter
    std::vector<bool> assigned_;                        // per slot: drawn by this job
    std::vector<Range> plan_range_;                     // per direct slot: where it may move

    const std::vector<Stage>& stages() const { return *job_->stages; }
    const IndicatorDef& indicator(std::size_t s, std::uint32_t i) const {
        return p_.indicators[p_.sets[stages()[s].set].first_indicator + i];
    }

    void plan();
    void plan_edge();
    bool culprits(std::size_t s, std::uint32_t criterion, Rng& rng);
    bool can_fail(std::size_t s, std::uint32_t i);
    Range accepted_at(std::size_t s, std::uint32_t i, bool& known_threshold);
    void columns(bool deferred_only, std::vector<std::uint32_t>& deferred);
    bool column(std::uint32_t slot);
    void fallback_column(std::uint32_t slot);
    void search_indicators();
    void search_gates();
    double sample(std::uint32_t slot, bool good, int sign, double ext, Rng& rng, const std::vector<Leaf>& leaves);
    void finish();
    double stable_u(std::string_view purpose, std::string_view name) const;
};

// What the recognitions follow from, per record (year by year, then entity by entity, as the
// generator lays records out) and per entity.
struct Results {
    const std::vector<int>& level;                 // per record: level reached (ordinal), -1 none
    const std::vector<int>& criteria_met;          // per record
    const std::vector<const Directive*>& pinned;   // per record: its level or fail directive
    const std::vector<double>& geo;                // per entity: the score the place gives
};

// Recognitions (generate_recognise.cpp): those the scenario gives, then for each level reached
// for the first time in a year generated a recognition that year; in the first year, most of
// them date from earlier years (the unit was recognised before), and a few units of richer
// places recognised earlier no longer meet the standard.
void recognise(const Program& p, const Scenario& scenario, std::uint64_t seed, const std::vector<int>& years,
               const Results& results, Dataset& data);

}  // namespace ntm::gen
