// Internal to the generator: what the compiled program says about each input, and a probe that
// judges one entity-year with the evaluator's own judge (engine/judge.hpp), to check candidate
// values quickly.
//
// Every input slot of a kind gets a role:
//   direct     read by an indicator as its own column ("2.1"): its value is drawn against the
//              indicator's threshold for the entity;
//   component  read by an indicator's `value` expression (through derived values), its `applies`
//              condition or the `when` cases of its threshold: drawn, then checked by the probe;
//   gate       read by a level's gate (hai_long >= 90%): drawn, then checked by the probe;
//   presence   read only by `applies when` conditions ("xã có làng nghề"): a plain yes/no share;
//   attribute  anything else (region rules, `when` cases of direct indicators, unused fields):
//              stable per entity, more often "yes" where the entity is poorer.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "engine/evaluate.hpp"
#include "engine/judge.hpp"
#include "engine/vm.hpp"
#include "generate/generate.hpp"

namespace ntm::gen {

// Which units are generated: those of the --province and --district codes (and the province of
// a district), or every unit when none is given.  Index as AdminUnits::units.
std::vector<bool> selection(const AdminUnits& units, const GenerateOptions& options);

// Whether the rules judge villages (thôn): they declare inputs or levels for them.
bool has_villages(const Program& program);

enum class Role : std::uint8_t { attribute, presence, direct, component, gate };

// A comparison of an input with a constant: `hai_long >= 90`, `no_dong_xdcb = no`.
struct Leaf {
    std::uint32_t slot = kNone;
    dsl::Op op = dsl::Op::ge;  // lt, le, gt, ge, eq or ne, with the input on the left
    double k = 0;
};

// What a search may change to make an expression (an indicator's value, a gate) come out as
// wanted: free inputs with the direction that helps (+1: higher helps, -1: lower, 0: unknown),
// the comparisons with constants among them, and the direct columns it reads.
struct Target {
    std::vector<std::uint32_t> free;
    std::vector<int> sign;  // beside `free`
    std::vector<Leaf> leaves;
    std::vector<std::uint32_t> planned;  // direct columns (gates resample them within their plan)
    std::vector<int> planned_sign;
    bool valid = false;
};

struct KindModel {
    std::vector<Role> role;                    // per slot
    std::vector<std::vector<double>> points;   // constants each slot is compared with
    std::vector<std::uint32_t> denominator;    // slot → the slot it is divided by (ratio), or kNone
    std::vector<bool> is_denominator;
    std::vector<std::uint32_t> reader;         // direct slot → an indicator reading it (any set)
};

struct Model {
    explicit Model(const Program& program);

    const Program& p;
    std::array<KindModel, kKindCount> kinds;
    // Per Program::indicators: the input column it judges — its own column, or the field or
    // column its `value` only reads (`value ty_le_ho_3_sach`, `value value(12.1)`) — or kNone
    // when its value is computed (then indicator_targets says what the search may change).
    std::vector<std::uint32_t> column;
    std::vector<Target> indicator_targets;
    // Per level, per gate, per scope set (as GateDef::condition).
    std::vector<std::vector<std::vector<Target>>> gate_targets;
};

// ---------------------------------------------------------------------------------------------

// The set a level is judged by for one entity-year, the region whose thresholds apply (after the
// set's region rules) and the year its thresholds are read for (the year itself, or for a
// fallback set — none in force, or an entity that is not judged — the nearest year it covers).
struct Stage {
    std::uint32_t level = 0;  // index in Program::levels
    std::uint32_t set = kNone;
    Region region = Region::TDMNPB;
    int year = 0;
};

// The stages of every record of the years: per record, one per level of its kind, in order.
std::vector<std::vector<Stage>> stages_of(const Program& p, const Dataset& data, const std::vector<int>& years,
                                          unsigned threads);

// Judges one entity-year as engine::evaluate does, with the same judge (engine/judge.hpp),
// without aggregates or classes (unknown) and with the region the stage gives (where the
// evaluator would find the region rules lack data, the probe does not doubt).
class Probe {
public:
    explicit Probe(const Program& p) : p_(p) {}

    void start(const Entity& entity, int year, double* slots, const std::vector<Stage>& stages);
    void derive();  // the derived values, from the inputs, then the categories
    // The region whose thresholds apply for `set` (its region rules), from the entity's own.
    Region region_for(std::uint32_t set, Region own);

    // Evaluates every indicator of stage `s` in order, then its criteria.
    void stage(std::size_t s);
    // Evaluates one indicator (index within its stage's set) again.
    const IndicatorResult& indicator(std::size_t s, std::uint32_t i);
    const IndicatorResult& result(std::size_t s, std::uint32_t i) const { return results_[s][i]; }
    Status criterion(std::size_t s, std::uint32_t c) const { return criteria_[s][c].status; }
    // The condition of gate `g` of the level of stage `s` (1, 0, unknown), the levels below it
    // taken as reached.
    double gate(std::size_t s, std::size_t g, std::size_t* scope = nullptr);
    // A bound of a requirement for the entity, as judged at stage `s`, or at a stage of its own
    // (a set that is not among the entity's stages this year).
    double threshold(std::size_t s, std::uint32_t requirement, bool high = false);
    double threshold_at(const Stage& stage, std::uint32_t requirement, bool high = false);
    // The `applies when` condition of an indicator at stage `s` (1, 0, unknown; 1 if none).
    double applies(std::size_t s, std::uint32_t i);

private:
    const Program& p_;
    const Entity* entity_ = nullptr;
    int year_ = 0;
    double* slots_ = nullptr;
    const std::vector<Stage>* stages_ = nullptr;
    std::vector<std::vector<IndicatorResult>> results_;
    std::vector<std::vector<CriterionResult>> criteria_;
    std::vector<std::uint32_t> categories_;  // per Program::categories, as the evaluator's

    ExprContext context(std::size_t s);
    static double threshold_callback(const void* self, std::uint32_t entity, std::uint32_t indicator);
};

}  // namespace ntm::gen
