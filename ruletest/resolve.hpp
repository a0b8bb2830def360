// Rule tests resolved against the compiled rules: every word of a test file names a kind,
// region, level, set's indicator, column, gate, revocation rule or category of the program,
// checked once here (codes T01xx-T03xx, docs/rule-tests.md), so that running a test never looks
// a name up.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "engine/dataset.hpp"
#include "engine/judge.hpp"
#include "engine/program.hpp"
#include "generate/edge.hpp"
#include "ruletest/testfile.hpp"

namespace ntm::ruletest {

using engine::EntityKind;
using engine::kNone;
using engine::Program;
using engine::Region;
using engine::Status;

// A revocation rule's verdict for an entity, as tests write it.
enum class Verdict : std::uint8_t { revoke, may_revoke, keep, not_applicable };

struct ResolvedGiven {
    std::uint32_t slot = 0;
    double value = engine::kUnknown;  // missing: unknown
};

struct ResolvedExpect {
    const Expectation* source = nullptr;
    ExpectKind kind = ExpectKind::indicator;
    std::uint32_t level = kNone;  // Program::levels: the level judged (kNone for `expect level none`)
    std::string code;             // indicator or criterion code
    std::uint32_t gate = kNone;   // in the level's gates
    std::uint32_t revocation = kNone, branch = kNone;  // Program::revocations, its branches
    std::uint32_t category = kNone, member = kNone;    // Program::categories, its members
    Status status = Status::met;
    Verdict verdict = Verdict::keep;
    double number = 0;
};

// One combination the test runs in: a year, a region, a member of each category it names.
struct TestRun {
    int year = 0;
    std::optional<Region> region;
    std::vector<std::uint32_t> categories;  // per Program::categories: the member asked, or kNone
};

struct ResolvedTest {
    const TestCase* source = nullptr;
    EntityKind kind = EntityKind::xa;
    std::vector<TestRun> runs;
    std::vector<ResolvedGiven> given;
    gen::Edge edge = gen::Edge::pass;
    int pass_up_to = -1;  // `others pass LEVEL`: its ordinal
    std::string locality;
    EntityKind locality_kind = EntityKind::tinh;
    std::vector<engine::Recognition> recognised;
    std::vector<ResolvedExpect> expectations;
};

// At most this many runs per test (years × regions × category members): more is an error
// (T0304), a mistake rather than a test.
inline constexpr std::size_t kMaxRuns = 1000;

// Resolves the tests of `file`; each problem goes to `diags` with its place, and a test with
// problems is left out of the result.
std::vector<ResolvedTest> resolve(const Program& program, const gen::EdgeValues& edge, const TestFile& file,
                                  dsl::Diagnostics& diags);

// The sets a level may be judged by in `year`: those it `meets` valid in the year, and the
// sets for a locality extending them.
std::vector<std::uint32_t> sets_of_level(const Program& program, std::uint32_t level, int year);

}  // namespace ntm::ruletest
