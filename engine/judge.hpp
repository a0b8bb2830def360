// The judge: the verdict of one indicator and of one criterion, in one place for the evaluator
// (engine/evaluate.cpp) and the generator's probe (generate/probe.cpp), so the two cannot
// drift apart.  The rules it applies are those of docs/architecture.md, "Results".
//
// The judge reads the entity only through an ExprContext: its slots, year and region (after
// the set's region rules), its categories, and the results of the set so far (`value(C)`,
// `met(C)`).  It keeps no state: one call per indicator, per criterion.  Only category_doubt
// allocates (the categories tried), and only for an entity whose category is not decided.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/program.hpp"
#include "engine/vm.hpp"

namespace ntm::engine {

// Met (đạt), not met (chưa đạt), unknown (thiếu dữ liệu), not applicable (không áp dụng).
enum class Status : std::uint8_t { met, not_met, unknown, not_applicable };

struct IndicatorResult {
    Status status = Status::unknown;
    bool applies_unknown = false;  // unknown whether it applies (`applies when` lacks data)
    bool region_unknown = false;   // the set's region rules lack data, and the regions disagree
    // A category its thresholds are tabled by is not decided (IndicatorDef::categories): the
    // status is the one it has under every category the entity may be in, else unknown.
    bool category_unknown = false;
    // category_unknown: the least and the greatest threshold (`low`) under the categories the
    // entity may be in, when `low` differs between them (and is then unknown).
    double low_min = kUnknown, low_max = kUnknown;
    double value = kUnknown;  // the value seen
    double low = kUnknown;    // the threshold in force (the lower bound for `in`)
    double high = kUnknown;   // the upper bound for `in`
    double gap = kUnknown;    // how much the value must change to pass (not met only)
    std::uint32_t requirement = kNone;  // the requirement that decided (the first failing one)
    std::uint32_t threshold_case = kNone;  // the `when` case that chose the threshold, if any
                                           // (index in Program::case_entries)
    // The verdict rests on an unconfirmed figure (Program::reasons index): a marked threshold
    // (or indicator, criterion, set) decided it, and another figure could have changed it.
    std::uint32_t unconfirmed = kNone;
};

struct CriterionResult {
    Status status = Status::unknown;
    std::uint32_t unconfirmed = kNone;  // rests on an unconfirmed figure: Program::reasons index
    std::uint16_t met = 0, not_met = 0, unknown = 0, not_applicable = 0;  // over its indicators
};

// A requirement's thresholds found once for a region and a year, for every entity judged with
// them.  Only a threshold that nothing else decides is resolved (constants, `by region`,
// `by year`): one with a `when` case or a table by category is found per entity.
struct ResolvedRequirement {
    bool resolved = false;
    int year = 0;                // the year it was resolved for (the region is where it is kept)
    double low = kUnknown, high = kUnknown;
    std::uint32_t mark = kNone;  // the innermost marked cell on the way, low's then high's
};

// `requirement` (Program::requirements) for `region` and `year`: what threshold_value gives
// for its low and high bound to any entity there, or `resolved` false.
ResolvedRequirement resolve_requirement(const Program& program, std::uint32_t requirement, Region region, int year);

// ---------------------------------------------------------------------------------------------
// Verdicts

// Judges indicator `def` for the entity of `ctx` into `out` (overwritten): not applicable when
// its `applies when` is false; otherwise its value against each requirement's threshold, in
// order — not met at the first that fails (with the gap), unknown when a value or threshold
// is missing and none failed, else met.  When whether it applies is unknown, it is met if it
// passes (not applicable would count as met too) and unknown otherwise, and
// `out.applies_unknown` is set.  `resolved`, if given, holds one entry per
// Program::requirements for ctx.region: the thresholds of those resolved for ctx.year are
// read from it instead of found again (the verdict is the same).
void judge_indicator(const Program& program, const IndicatorDef& def, const ExprContext& ctx, IndicatorResult& out,
                     const ResolvedRequirement* resolved = nullptr);

// When a category indicator `indicator`'s thresholds are tabled by is not decided for the
// entity of `ctx`: judges it under every member the entity may be in (every combination, if
// several categories are undecided) and keeps `out` only where all agree — met under every
// one is met, not met under every one is not met, else unknown; a threshold or gap that
// differs becomes unknown.  Sets `out.category_unknown`.  Does nothing when all are decided
// or the threshold in force does not depend on the undecided ones; past
// kMaxCategoryCombinations combinations, leaves `out` as judged (unknown thresholds).
inline constexpr double kMaxCategoryCombinations = 4096;
void category_doubt(const Program& program, std::uint32_t indicator, const ExprContext& ctx, IndicatorResult& out);

// Combines the results of criterion `def`'s indicators (`results[0 .. def.indicator_count)`,
// in its order) by its `combine all | any | at_least K`: not applicable when none applies;
// met when at least the number needed are met; unknown when the unknown ones could make up
// the difference; else not met.
CriterionResult judge_criterion(const CriterionDef& def, const IndicatorResult* results);

// Whether a verdict of `cmp` for value `v` could differ under another figure: not for a value
// at the end of the scale (0 against a floor, 0 against a ceiling met, 100 % against a floor
// met or a ceiling failed); always for yes/no, `=`, `!=` and `in`.
bool could_change(dsl::Cmp cmp, double v, bool percent, bool met);

// Which unconfirmed figure a Kleene `and` of verdicts rests on (levels, the criteria of a set,
// gates): a verdict met rests on every marked part; not met only when every part not met is
// marked (else it stands whatever the figures); unknown on a marked part that is met.
// Add the parts, then ask with the verdict.  No allocation.
struct UnconfirmedAnd {
    std::uint32_t met_mark = kNone;
    std::uint32_t not_met_mark = kNone;
    bool unmarked_not_met = false;
    void add(Status s, std::uint32_t mark);
    std::uint32_t result(Status verdict) const;
};

// Kleene `and` of two verdicts, "not applicable" counting as met.  Levels, the criteria of a
// set and gates combine this way.
Status status_and(Status a, Status b);

// The verdict a condition gives: met (1), not met (0), unknown (NaN).
Status truth(double v);

// ---------------------------------------------------------------------------------------------
// Thresholds in force

// The region whose thresholds apply for `set`: that of its first region rule that holds for
// the entity of `ctx` (`region TDMNPB when xa_dbkk`), else ctx.region.
Region region_for(const Program& program, std::uint32_t set, const ExprContext& ctx);

// The member of category `category` (Program::categories) the entity of `ctx` is in: the
// first whose condition holds, or kNone when a condition before it is unknown.  `out`, if
// given, gets every member the entity may be in: those whose conditions are not known to be
// false, up to the first that holds (one when the category is decided).
std::uint32_t category_candidates(const Program& program, std::uint32_t category, const ExprContext& ctx,
                                  std::vector<std::uint32_t>* out = nullptr);

// The value of threshold tree `node` (Program::threshold_nodes) for the entity of `ctx`: by
// its region (ctx.region), the year (ctx.year) and the first `when` case that holds; unknown
// when no entry applies, a case's condition is unknown, or `node` is kNone.  `taken`, if
// given, gets the `when` case used (index in Program::case_entries); `mark`, if given, the
// mark of the innermost marked cell on the way (Program::reasons index), or stays as it was.
double threshold_value(const Program& program, std::uint32_t node, const ExprContext& ctx,
                       std::uint32_t* taken = nullptr, std::uint32_t* mark = nullptr);

// A bound of requirement `requirement` (Program::requirements): its threshold (the lower bound
// of `in`), or with `high` the upper bound of `in`; unknown where the requirement has none.
double requirement_threshold(const Program& program, std::uint32_t requirement, const ExprContext& ctx,
                             bool high = false);

// `threshold(SET, C)` in an expression: the threshold of indicator `indicator`'s first
// requirement for `ctx` (whose region the caller has set by the indicator's set), or unknown
// when it has no requirement.
double indicator_threshold(const Program& program, std::uint32_t indicator, const ExprContext& ctx);

// ---------------------------------------------------------------------------------------------
// Comparisons

// Whether value `v` meets a requirement `cmp` against the threshold in force [lo, hi], with the
// tolerance of approx_equal.  Inline: every requirement of every record calls it.
inline bool passes(dsl::Cmp cmp, double v, double lo, double hi) {
    const bool eq = approx_equal(v, lo);
    switch (cmp) {
        case dsl::Cmp::ge: return v > lo || eq;
        case dsl::Cmp::gt: return v > lo && !eq;
        case dsl::Cmp::le: return v < lo || eq;
        case dsl::Cmp::lt: return v < lo && !eq;
        case dsl::Cmp::eq: return eq;
        case dsl::Cmp::ne: return !eq;
        case dsl::Cmp::in_range: return (v > lo || eq) && (v < hi || approx_equal(v, hi));
        case dsl::Cmp::yes: return v != 0;
        case dsl::Cmp::no: return v == 0;
    }
    return false;
}

// How far `v` is from passing `cmp` against [lo, hi]: positive, in the indicator's unit;
// unknown for yes/no and `!=`.
double gap_of(dsl::Cmp cmp, double v, double lo, double hi);

// Which way a value must move to pass `cmp`: +1 up (>=, >, yes), -1 down (<=, <, no), 0
// either or neither (=, !=, in).
int direction(dsl::Cmp cmp);

}  // namespace ntm::engine
