// What `ntm test` prints: per test file, each test passed or failed, and for a failed run each
// expectation that does not hold (expected, then actual) and the actual result explained; then
// the coverage of each set.  As text for a terminal, or as Markdown.  Deterministic: files in
// the order found (sorted), tests in file order, sets in rule order.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ruletest/coverage.hpp"
#include "ruletest/run.hpp"

namespace ntm::ruletest {

struct FileOutcome {
    std::string path;
    const TestFile* file = nullptr;
    std::vector<TestOutcome> tests;  // of the tests resolved, in file order
};

enum class Format : std::uint8_t { text, markdown };

std::string render_results(const Program& program, const dsl::SourceManager& sources,
                           const std::vector<FileOutcome>& files, Format format);

std::string render_coverage(const Program& program, const std::vector<SetCoverage>& sets, Format format);

// The share of `c` covered, rounded down to one decimal ("99,9 %" until every item is): a
// coverage short of complete never reads as 100 %.
std::string share_text(const Counts& c);
double share_floor(const Counts& c);

// One line per set whose threshold cells covered on both sides fall below `minimum` percent.
std::vector<text::Message> below_minimum(const Program& program, const std::vector<SetCoverage>& sets, double minimum);

}  // namespace ntm::ruletest
