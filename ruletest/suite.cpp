// Finding, reading, resolving and running the tests of a suite.
#include "ruletest/suite.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "dsl/load.hpp"
#include "generate/edge.hpp"
#include "text/files.hpp"
#include "text/utf8.hpp"

namespace ntm::ruletest {

namespace fs = std::filesystem;

std::size_t Suite::failed() const {
    std::size_t n = 0;
    for (const FileOutcome& f : outcomes) {
        for (const TestOutcome& t : f.tests) n += !t.passed();
    }
    return n;
}

std::vector<std::string> find_test_files(const std::vector<std::string>& paths, std::vector<text::Problem>& io_errors) {
    std::vector<std::string> files;
    for (const std::string& p : paths) {
        std::error_code ec;
        if (!fs::is_directory(p, ec)) {
            if (fs::path(p).extension() == kTestExtension) files.push_back(p);
            else if (!fs::exists(fs::symlink_status(p, ec))) io_errors.push_back(text::file_problem(p, text::say("reason.enoent")));
            continue;
        }
        std::vector<std::string> found;
        for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            std::error_code type_ec;
            if (it->path().extension() == kTestExtension && !it->is_directory(type_ec)) found.push_back(it->path().string());
        }
        if (ec) io_errors.push_back(text::file_problem(p, text::say("file.cannot_read_dir", text::reason_text(ec.message()))));
        std::sort(found.begin(), found.end());
        for (std::string& f : found) {
            if (text::check_input_file(f, io_errors)) files.push_back(std::move(f));
        }
    }
    return files;
}

void load_tests(Suite& suite, const std::vector<std::string>& files, const text::Limits& limits) {
    for (const std::string& path : files) {
        auto content = text::read_text_file(path, suite.io_errors, dsl::rule_file_limit(limits));
        if (!content) continue;
        const dsl::FileId id = suite.sources.add(path, text::to_nfc(*content));
        suite.files.push_back(parse_test_file(id, suite.sources, suite.diags));
    }
    suite.diags.sort();
}

void run_suite(Suite& suite, const Program& program, bool coverage, const std::vector<std::uint32_t>& sets) {
    const gen::EdgeValues edge(program);
    for (const TestFile& f : suite.files) suite.resolved.push_back(resolve(program, edge, f, suite.diags));
    suite.diags.sort();
    if (suite.diags.has_errors()) return;
    Coverage counter(program);
    Runner runner(program, edge, coverage ? &counter : nullptr);
    for (std::size_t f = 0; f < suite.files.size(); ++f) {
        FileOutcome out;
        out.path = suite.sources.file(suite.files[f].file).path;
        out.file = &suite.files[f];
        for (const ResolvedTest& t : suite.resolved[f]) out.tests.push_back(runner.run(t));
        suite.outcomes.push_back(std::move(out));
    }
    if (coverage) suite.coverage = counter.report(sets);
}

}  // namespace ntm::ruletest
