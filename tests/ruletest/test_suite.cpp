// Test files beside rule files: each finder takes its own files, and test files are read in NFC.
#include <catch2/catch.hpp>

#include <filesystem>

#include "dsl/load.hpp"
#include "dsl/pipeline.hpp"
#include "tests/support/ruletest_world.hpp"

using namespace ruletest_test;

TEST_CASE("the rule loader leaves test files alone, and the test finder rule files", "[ruletest][suite]") {
    const std::string dir = support::temp_dir("rules_and_tests");
    std::filesystem::create_directories(dir + "/b");
    support::write_temp("rules_and_tests/a.ntm", "unit km \"km\"\n");
    support::write_temp("rules_and_tests/a.ntmtest", "test \"Không phải quy định\" { year 2024 }\n");
    support::write_temp("rules_and_tests/b/c.ntmtest", "test \"C\" { year 2024 }\n");
    std::vector<ntm::text::Problem> problems;
    const std::vector<std::string> rules = ntm::dsl::find_rule_files({dir}, problems);
    CHECK(rules == std::vector<std::string>{dir + "/a.ntm"});
    CHECK(ntm::dsl::load_and_check({dir})->ok());
    const std::vector<std::string> tests = find_test_files({dir}, problems);
    CHECK(tests == std::vector<std::string>{dir + "/a.ntmtest", dir + "/b/c.ntmtest"});
    CHECK(problems.empty());
    CHECK(find_test_files({dir + "/b/c.ntmtest", dir + "/a.ntm"}, problems) == std::vector<std::string>{dir + "/b/c.ntmtest"});
    CHECK(find_test_files({dir + "/none"}, problems).empty());
    REQUIRE(problems.size() == 1);
    CHECK_THAT(ntm::text::render(problems, ntm::text::Lang::vi), Catch::Contains("none: lỗi: không có tệp hay thư mục này"));
}

TEST_CASE("a test file is read in NFC: a letter typed with a combining accent is the same letter", "[ruletest][suite]") {
    const std::string path = support::write_temp("nfc.ntmtest", "test \"Xa\xcc\x83 thu\xcc\x9b\xcc\x89\" { year 2024 }\n");
    Suite suite;
    load_tests(suite, {path}, {});
    REQUIRE(suite.files.size() == 1);
    REQUIRE(suite.files[0].tests.size() == 1);
    CHECK(suite.files[0].tests[0].name == "Xã thử");
    Suite missing;
    load_tests(missing, {support::temp_path("no-such.ntmtest")}, {});
    CHECK(missing.files.empty());
    CHECK(missing.io_errors.size() == 1);
}

TEST_CASE("the examples of docs/rule-tests.md pass against the bundled rules", "[ruletest][suite][docs]") {
    const support::CompiledRules r = support::compile_rules(NTM_SOURCE_DIR "/rules");
    const std::vector<support::CodeBlock> blocks = support::code_blocks(NTM_SOURCE_DIR "/docs/rule-tests.md", {"ntmtest"});
    REQUIRE(blocks.size() >= 2);
    Suite suite;
    for (const support::CodeBlock& b : blocks) {
        const ntm::dsl::FileId id = suite.sources.add("rule-tests.md", b.text);
        suite.files.push_back(parse_test_file(id, suite.sources, suite.diags));
    }
    run_suite(suite, r.program, false, {});
    INFO(ntm::dsl::render_all(suite.diags, suite.sources, false, ntm::text::Lang::vi));
    REQUIRE_FALSE(suite.diags.has_errors());
    INFO(render_results(r.program, suite.sources, suite.outcomes, Format::text));
    CHECK(suite.failed() == 0);
    std::size_t tests = 0;
    for (const FileOutcome& f : suite.outcomes) tests += f.tests.size();
    CHECK(tests == 5);
}
