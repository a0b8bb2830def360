#include <fmt/format.h>

#include "cli/commands.hpp"
#include "dsl/pipeline.hpp"

namespace ntm::cli {

namespace {

struct CheckArgs {
    std::vector<std::string> paths;
    bool werror = false;
    text::Limits limits;  // --limit: what an input may hold
};

}  // namespace

int run_check(const CheckArgs& args) {
    const auto rules = dsl::load_and_check(args.paths, args.werror, args.limits);
    fmt::print(stderr, "{}", text::render(rules->io_errors));
    fmt::print(stderr, "{}", dsl::render_all(rules->diags, rules->sources, color_stderr()));
    if (!rules->io_errors.empty()) return kExitUsage;
    fmt::print(stderr, "{} {} checked: {}\n", rules->sources.size(),
               rules->sources.size() == 1 ? "file" : "files", dsl::summary(rules->diags));
    return rules->diags.has_errors() ? kExitRules : kExitOk;
}

void add_check(CLI::App& app, Run& run) {
    auto args = std::make_shared<CheckArgs>();
    CLI::App* cmd = app.add_subcommand("check", "Check rule files and report every problem found");
    cmd->add_option("paths", args->paths, "Rule files or directories (searched for *.ntm)")->required();
    cmd->add_flag("--werror", args->werror, "Treat warnings as errors");
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_check);
}

}  // namespace ntm::cli
