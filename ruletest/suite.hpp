// `ntm test` as one call per stage: find and parse the test files, then resolve them against the
// compiled rules, run them and count coverage (docs/rule-tests.md).  The stages stop when one has
// errors: tests whose file does not parse or names what the rules lack are not run.
#pragma once

#include <string>
#include <vector>

#include "ruletest/coverage.hpp"
#include "ruletest/output.hpp"
#include "ruletest/resolve.hpp"
#include "ruletest/run.hpp"
#include "ruletest/testfile.hpp"
#include "text/limits.hpp"
#include "text/problem.hpp"

namespace ntm::ruletest {

// The extension of test files.
inline constexpr std::string_view kTestExtension = ".ntmtest";

struct Suite {
    dsl::SourceManager sources;              // the test files, in NFC
    dsl::Diagnostics diags;                  // T-codes: syntax, names, values
    std::vector<text::Problem> io_errors;    // files missing, unreadable, not UTF-8, too large
    std::vector<TestFile> files;
    std::vector<std::vector<ResolvedTest>> resolved;  // per file
    std::vector<FileOutcome> outcomes;                // per file
    std::vector<SetCoverage> coverage;

    std::size_t failed() const;  // tests that failed
};

// The test files under `paths`: a directory is searched for *.ntmtest (sorted, links to
// directories not followed); a file named *.ntmtest is taken, another (a rule file) left to the
// rules.  A path that does not exist goes to `io_errors`.
std::vector<std::string> find_test_files(const std::vector<std::string>& paths, std::vector<text::Problem>& io_errors);

// Reads (UTF-8, normalised to NFC) and parses each file.
void load_tests(Suite& suite, const std::vector<std::string>& files, const text::Limits& limits);

// Resolves every test against `program`; when no error was found, runs them all, counting
// coverage for `sets` (Program::sets indices; empty: every set a test judged) when asked.
void run_suite(Suite& suite, const Program& program, bool coverage, const std::vector<std::uint32_t>& sets);

}  // namespace ntm::ruletest
