// Stage 4: evaluate every record of a dataset against the program.
//
// Results are three-valued, plus "not applicable": met (đạt), not met (chưa đạt), unknown
// (thiếu dữ liệu: a value the rules need is missing or invalid) and not applicable (không áp
// dụng: an `applies when` that does not hold).  How they combine is in docs/architecture.md;
// engine/judge.hpp gives the verdict of each indicator and criterion.
//
// The evaluation is the trace: every indicator, criterion, gate and level result is kept in
// flat arrays, with the value seen and the threshold that applied, so that explanations and
// reports read what the evaluation did instead of computing it again.  The indicator and
// criterion results are most of it (about 6 KB a commune); an evaluation asked without them
// (EvaluateOptions::trace false) keeps the verdicts only, and engine::trace() judges one
// entity's sets again, the same way, when an explanation needs them.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <vector>

#include "engine/dataset.hpp"
#include "engine/judge.hpp"  // Status, IndicatorResult, CriterionResult: the verdicts kept here
#include "engine/program.hpp"
#include "engine/targets.hpp"

namespace ntm::engine {

// One level of one entity: whether it is reached, and why.
struct LevelResult {
    std::uint32_t level = 0;         // index in Program::levels
    std::uint32_t set = kNone;       // the set that applied in the year (kNone: none valid)
    Region region = Region::TDMNPB;  // whose thresholds applied (after the set's region rules)
    Status status = Status::unknown; // reached (met), not reached, unknown
    Status prerequisite = Status::met;
    Status criteria = Status::unknown;  // all criteria of the set
    // Into Evaluation::criteria and ::indicators (the set's criterion_count, indicator_count
    // of them), or a Trace's; a level without a set has the offset of the next one.
    std::uint32_t first_criterion = 0;
    std::uint32_t first_indicator = 0;
    std::uint32_t first_gate = 0;       // into Evaluation::gates (level's gate count)
    std::uint16_t criteria_met = 0;
    std::uint32_t unconfirmed = kNone;  // rests on an unconfirmed figure: Program::reasons index
};

// One revocation rule for one entity (Program::revocations): not applicable when the rule
// is not in force, the set judging its level is not the rule's, or the entity holds no
// recognition at the level from an earlier year; met: to be revoked (đề nghị thu hồi);
// unknown: missing data could make it so (có thể bị thu hồi — thiếu dữ liệu); not met: not.
struct RevocationResult {
    Status status = Status::not_applicable;
    std::uint32_t branch = kNone;  // met: the branch that holds under any missing data (kNone
                                   // when which one depends on it); unknown: the first that may
    std::uint32_t level_result = kNone;  // into Evaluation::levels: the level it revokes
    std::uint32_t unconfirmed = kNone;   // rests on an unconfirmed figure: Program::reasons index
    int recognised_year = 0;             // the recognition it revokes
    std::uint16_t unmet = 0, unknown = 0, total = 0;  // criteria of the set judging the level
};

struct EntityResult {
    std::uint32_t record = 0;  // into Dataset::records
    bool judged = true;        // false: an urban unit (Entity::judged); its levels are not applicable
    Region region = Region::TDMNPB;  // the region whose thresholds applied (after overrides)
    int level = -1;                  // highest level reached (ordinal), -1 none
    int level_max = -1;              // highest level that may be reached (> level: data missing)
    std::uint16_t criteria_met = 0;  // of the first level's set (the standard set)
    std::uint16_t criteria_unknown = 0;
    std::uint16_t criteria_total = 0;
    std::uint32_t first_level = 0, level_count = 0;  // into Evaluation::levels
    std::uint32_t first_class = 0;  // into Evaluation::classes, Program::classes.size() of them
    std::uint32_t first_category = 0;  // into Evaluation::categories, Program::categories.size()
    std::uint32_t first_revocation = 0;  // into Evaluation::revocations, Program::revocations.size()
    Status revoked = Status::not_applicable;  // any revocation rule: met / unknown / not met
    // Recognised at a level in an earlier year that it no longer reaches ("duy trì chuẩn").
    std::uint32_t lost_level = kNone;
    int lost_year = 0;
};

namespace detail {
class Evaluator;
struct EvaluatorState;  // what judging an entity again reads: values with derived ones, children
}

struct Evaluation {
    int year = 0;
    // `indicators` and `criteria` are kept (EvaluateOptions::trace); when not, they are empty
    // and engine::trace() makes an entity's again.
    bool traced = true;
    std::vector<EntityResult> entities;  // one per record of the year, in dataset order
    std::vector<LevelResult> levels;
    std::vector<CriterionResult> criteria;
    std::vector<IndicatorResult> indicators;
    std::vector<Status> gates;
    std::vector<RevocationResult> revocations;  // per entity, one per Program::revocations
    std::vector<Status> classes;  // per entity, one per Program::classes (not applicable for
                                  // classes of other kinds)
    // Per entity, one per Program::categories: the member it is in, kNone when its data do
    // not decide it or the category is of another kind.
    std::vector<std::uint32_t> categories;
    // Alongside `categories`: when not decided, the member whose condition first lacked data.
    std::vector<std::uint32_t> category_doubts;
    std::vector<text::Problem> problems;  // found while evaluating (e.g. a region not determined)
    std::vector<TargetResult> targets;  // the year's targets compared with these results
    std::shared_ptr<const detail::EvaluatorState> state;  // for engine::trace()
};

struct EvaluateOptions {
    int year = 0;      // evaluate the records of this year
    unsigned threads = 0;  // 0: as many as the machine has; the output does not depend on it
    // Judge by this set instead of the one valid in the year.  Outside its own years, its
    // indicators are judged as of its nearest year (thresholds by year, `year` in conditions).
    std::uint32_t set = kNone;
    // Keep every indicator and criterion result (Evaluation::indicators, ::criteria).  Without
    // them an evaluation takes a fraction of the memory and time; explanations (engine::trace)
    // judge again the entities they show.
    bool trace = true;
    // Past this moment the evaluation stops at its next block of records and throws TimeUp (a
    // server's bound on a request; the command line waits as long as it takes).
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
};

// An evaluation stopped at its EvaluateOptions::deadline: nothing of it is kept.
struct TimeUp : std::runtime_error {
    TimeUp() : std::runtime_error("the evaluation's time is up") {}
};

Evaluation evaluate(const Program& program, const Dataset& data, const EvaluateOptions& options);

// The indicator and criterion results of one entity's levels: read from the evaluation when it
// kept them, else judged again, exactly as the evaluation judged them (the entity's own
// results made afresh, those of the entities below it read from the evaluation).
class Trace {
public:
    Trace() = default;
    Trace(Trace&&) = default;  // the vectors' buffers move with them: the pointers stay valid
    Trace& operator=(Trace&&) = default;
    Trace(const Trace&) = delete;
    Trace& operator=(const Trace&) = delete;
    const IndicatorResult* indicators(const LevelResult& lr) const {
        return indicators_ + (lr.first_indicator - indicator0_);
    }
    const CriterionResult* criteria(const LevelResult& lr) const { return criteria_ + (lr.first_criterion - criterion0_); }

private:
    friend Trace trace(const Program&, const Dataset&, const Evaluation&, std::uint32_t);
    friend class detail::Evaluator;
    std::vector<IndicatorResult> own_indicators_;
    std::vector<CriterionResult> own_criteria_;
    const IndicatorResult* indicators_ = nullptr;
    const CriterionResult* criteria_ = nullptr;
    std::uint32_t indicator0_ = 0, criterion0_ = 0;
};

Trace trace(const Program& program, const Dataset& data, const Evaluation& evaluation, std::uint32_t result);

}  // namespace ntm::engine
