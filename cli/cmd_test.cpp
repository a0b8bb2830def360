#include <fmt/format.h>

#include <filesystem>

#include "cli/commands.hpp"
#include "ruletest/suite.hpp"
#include "text/utf8.hpp"

namespace ntm::cli {

namespace {

struct TestArgs {
    std::vector<std::string> paths;  // rule trees or files, with their *.ntmtest
    std::vector<std::string> rules;  // --rules: the rules, when not those of `paths`
    bool coverage = false;
    std::optional<double> min_coverage;
    std::vector<std::string> sets;  // --set: the sets coverage is about
    std::string format = "text";
    text::Limits limits;
    std::string units = "official";  // --units none: localities of the rules not checked (test rules)
};

// The rules of `ntm test PATH`: the rule files under PATH (a test file is no rule file).
std::vector<std::string> rule_paths(const TestArgs& args) {
    if (!args.rules.empty()) return args.rules;
    std::vector<std::string> out;
    for (const std::string& p : args.paths) {
        if (std::filesystem::path(p).extension() != ruletest::kTestExtension) out.push_back(p);
    }
    return out;
}

}  // namespace

int run_test(const TestArgs& args) {
    const std::vector<std::string> rules_at = rule_paths(args);
    if (rules_at.empty()) {
        print_error(text::say("cli.test.no_rules"));
        return kExitUsage;
    }
    int code = kExitOk;
    const auto rules = load_checked_rules(rules_at, code, args.limits, args.units != "none");
    if (code != kExitOk) return code;
    const engine::Program program = engine::compile(*rules);
    std::vector<std::uint32_t> sets;
    for (const std::string& name : args.sets) {
        std::uint32_t s = engine::kNone;
        if (!chosen_set(name, program, s)) return kExitUsage;
        sets.push_back(s);
    }

    ruletest::Suite suite;
    const std::vector<std::string> files = ruletest::find_test_files(args.paths, suite.io_errors);
    ruletest::load_tests(suite, files, args.limits);
    fmt::print(stderr, "{}", text::render(suite.io_errors, lang()));
    if (!suite.io_errors.empty()) return kExitUsage;
    if (suite.files.empty()) {
        print_error(text::say("cli.test.no_files", ruletest::kTestExtension,
                              text::printable(fmt::format("{}", fmt::join(args.paths, ", ")))));
        return kExitUsage;
    }
    if (!suite.diags.has_errors()) ruletest::run_suite(suite, program, args.coverage || args.min_coverage.has_value(), sets);
    fmt::print(stderr, "{}", dsl::render_all(suite.diags, suite.sources, color_stderr(), lang()));
    if (suite.diags.has_errors()) {
        print_done(text::say("cli.test.not_run", suite.files.size(), suite.diags.error_count()));
        return kExitRules;
    }
    const auto format = args.format == "md" ? ruletest::Format::markdown : ruletest::Format::text;
    fmt::print("{}", ruletest::render_results(program, suite.sources, suite.outcomes, format));
    if (args.coverage) fmt::print("{}", ruletest::render_coverage(program, suite.coverage, format));
    bool below = false;
    if (args.min_coverage) {
        for (const text::Message& line : ruletest::below_minimum(program, suite.coverage, *args.min_coverage)) {
            print_error(line);
            below = true;
        }
    }
    return suite.failed() > 0 || below ? kExitRules : kExitOk;
}

void add_test(CLI::App& app, Run& run) {
    auto args = std::make_shared<TestArgs>();
    CLI::App* cmd = app.add_subcommand("test", in_lang(text::say("cli.test")));
    cmd->add_option("paths", args->paths, in_lang(text::say("cli.test.paths")))->required();
    cmd->add_option("--rules", args->rules, in_lang(text::say("cli.test.rules")))
        ->allow_extra_args(false);
    cmd->add_flag("--coverage", args->coverage,
                  in_lang(text::say("cli.test.coverage")));
    cmd->add_option("--min-coverage", args->min_coverage,
                    in_lang(text::say("cli.test.min_coverage")))
        ->check(CLI::Range(0.0, 100.0))
        ->type_name("PCT");
    cmd->add_option("--set", args->sets, in_lang(text::say("cli.test.set")))
        ->allow_extra_args(false);
    cmd->add_option("--format", args->format, in_lang(text::say("cli.test.format")))->check(CLI::IsMember({"text", "md"}));
    cmd->add_option("--units", args->units, in_lang(text::say("cli.check.units")))
        ->check(CLI::IsMember({"official", "none"}));
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_test);
}

}  // namespace ntm::cli
