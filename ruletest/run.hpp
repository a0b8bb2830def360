// Running rule tests: for each run of a test (a year, a region, a category member), one entity
// built by hand (engine/dataset.hpp) with the inputs the test gives and the others filled by
// generate/edge.hpp, judged by engine::evaluate, and each expectation compared with the
// results — statuses, numbers, levels and verdicts, never text.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ruletest/coverage.hpp"
#include "ruletest/resolve.hpp"

namespace ntm::ruletest {

// What the results say about one expectation that does not hold.
struct Finding {
    const ResolvedExpect* expect = nullptr;
    bool found = true;                     // the indicator or criterion is in the set that judged
    std::uint32_t set = kNone;             // that set (kNone: the level has none this year)
    std::uint32_t item = kNone;            // the indicator (criterion) found: Program::indicators (criteria)
    std::uint32_t requirement = kNone;     // the indicator's requirement that decided
    double value = engine::kUnknown;       // the indicator's value
    Status status = Status::unknown;       // indicator, criterion, level_status, gate
    double number = engine::kUnknown;      // threshold, criteria_met
    std::uint32_t level = kNone;           // level: the highest reached (kNone: none)
    Verdict verdict = Verdict::not_applicable;
    std::uint32_t branch = kNone;          // revocation: the branch that decided
    std::uint32_t member = kNone;          // category: the member (kNone: not decided)
};

// One run of a test that failed.
struct FailedRun {
    std::size_t run = 0;  // in ResolvedTest::runs
    std::vector<Finding> findings;
    // The category (Program::categories) whose member asked the values given rule out: then
    // nothing was judged.
    std::uint32_t unplaced = kNone;
    std::string explanation;  // the actual result, as `ntm explain` writes it
};

struct TestOutcome {
    const ResolvedTest* test = nullptr;
    std::vector<FailedRun> failed;  // in run order
    bool passed() const { return failed.empty(); }
};

class Runner {
public:
    // `coverage`, if given, records what every run exercised.
    Runner(const Program& program, const gen::EdgeValues& edge, Coverage* coverage)
        : p_(program), edge_(edge), coverage_(coverage) {}

    TestOutcome run(const ResolvedTest& test);

private:
    const Program& p_;
    const gen::EdgeValues& edge_;
    Coverage* coverage_;

    void run_once(const ResolvedTest& test, std::size_t r, TestOutcome& out);
};

}  // namespace ntm::ruletest
