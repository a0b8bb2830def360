// Running compiled expressions, with three-valued logic: kUnknown (NaN) is "not known".
//
// Numbers and yes/no values are doubles (yes = 1, no = 0).  Arithmetic and comparisons with
// an unknown operand are unknown; `and` is false as soon as one side is false and `or` true as
// soon as one side is true, whatever the other (Kleene logic).  Division by zero is unknown.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "engine/program.hpp"

namespace ntm::engine {

// The results expressions read (`met(C)`, `value(C)`, classes) are the judge's
// (engine/judge.hpp), which runs this VM; declared here so that this header need not include it.
struct IndicatorResult;
struct CriterionResult;
struct Recognition;
enum class Status : std::uint8_t;

// What an expression can see of the entity it runs for.
struct ExprContext {
    const double* slots = nullptr;
    int year = 0;
    Region region = Region::TDMNPB;
    int level = -1, level_max = -1;               // reached for sure / possibly reached
    int criteria_met = 0, criteria_unknown = 0;   // of the standard set
    const Status* classes = nullptr;              // one per Program::classes
    // One per Program::categories: the member the entity is in, or kNone when its data do not
    // decide it (or the category is of another kind).
    const std::uint32_t* categories = nullptr;
    const IndicatorResult* indicators = nullptr;  // results of the current set (met, value)
    const CriterionResult* criteria = nullptr;
    std::uint32_t criterion_count = 0;            // of the current set (what unmet_share counts)
    double revoked = 0;                           // `revoked`: 1 / 0 / kUnknown
    const std::vector<Recognition>* recognitions = nullptr;  // the entity's, for recognised(L)
    const std::string* code = nullptr;
    const std::string* parent = nullptr;
    const std::string* type = nullptr;  // as the decisions write it: "Xã", "Thị xã", ...
    // Aggregates: runs `operand` (or counts, when it is empty) over the descendants of kind
    // `kind`; supplied by the evaluator.  Gives the range the result lies in: for count and
    // share, unknown children make it a range (3 of 9 communes certain, 1 unknown: 33–44 %);
    // otherwise lo == hi, or both unknown.
    const void* evaluator = nullptr;
    std::uint32_t entity = 0;
    void (*aggregate)(const void* evaluator, std::uint32_t entity, const Aggregate& agg, double& lo,
                      double& hi) = nullptr;
    // revoked(L): whether the entity's recognition at level `level` is to be revoked (1/0/unknown).
    double (*revoked_at)(const void* evaluator, std::uint32_t entity, std::uint32_t level) = nullptr;
    // threshold(SET, C): the threshold of indicator `indicator` for this entity.
    double (*threshold)(const void* evaluator, std::uint32_t entity, std::uint32_t indicator) = nullptr;
};

// The value of `expr` for the entity of `ctx` (unknown for an empty expression).  An expression
// of one slot or one constant, as most `value` lines are, is read here without the VM's loop.
double run_code(const Program& program, ExprRef expr, const ExprContext& ctx);
// What `push_slot` pushes: the slot's value, unknown for a column the data lack.
inline double slot_value(const Instr& in, const ExprContext& ctx) {
    return in.a == kNone ? kUnknown : ctx.slots[in.a];
}
inline double run(const Program& program, ExprRef expr, const ExprContext& ctx) {
    if (expr.valid() && expr.end == expr.begin + 1) {
        const Instr& in = program.code[expr.begin];
        if (in.op == OpCode::push_slot) return slot_value(in, ctx);
        if (in.op == OpCode::push_const) return in.k;
    }
    return run_code(program, expr, ctx);
}

// The year of the earliest of `recognitions` at `level` or a level above it of the same kind,
// before `year`, or 0: what recognised(L) and recognised_year(L) read, and whose recognition a
// revocation rule revokes.
int recognised_before(const Program& program, const std::vector<Recognition>& recognitions, std::uint32_t level,
                      int year);

// Numbers compare with a tolerance of 1e-9 relative, so that a ratio computed as
// 69.99999999999999 meets "≥ 70".  The VM's comparisons (`hai_long >= 90`) and the judge's
// requirements (`require >= 90`, engine/judge.cpp) must agree on the same numbers, a gate
// `value(C) >= threshold(C)` with the indicator's verdict: one tolerance, kept here because
// the VM is the lower of the two (the judge runs the VM, not the other way round).
// Inline: every requirement and comparison of every record calls it.
inline bool approx_equal(double a, double b) {
    return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

}  // namespace ntm::engine
