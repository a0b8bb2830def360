#include <fmt/format.h>

#include "cli/commands.hpp"
#include "dsl/pipeline.hpp"
#include "dsl/unconfirmed.hpp"
#include "report/unconfirmed_list.hpp"

namespace ntm::cli {

namespace {

struct CheckArgs {
    std::vector<std::string> paths;
    bool werror = false;
    bool unconfirmed = false;    // --unconfirmed: list every unconfirmed figure on stdout
    std::string format = "text"; // text | md
    text::Limits limits;  // --limit: what an input may hold
};

}  // namespace

int run_check(const CheckArgs& args) {
    const auto rules = dsl::load_and_check(args.paths, args.werror, args.limits);
    fmt::print(stderr, "{}", text::render(rules->io_errors, lang()));
    fmt::print(stderr, "{}", dsl::render_all(rules->diags, rules->sources, color_stderr(), lang()));
    if (!rules->io_errors.empty()) return kExitUsage;
    if (args.unconfirmed) {
        fmt::print("{}", report::render_unconfirmed(dsl::unconfirmed_marks(rules->module), rules->sources,
                                                    lang(),
                                                    args.format == "md"));
    }
    fmt::print(stderr, "{} {} checked: {}\n", rules->sources.size(),
               rules->sources.size() == 1 ? "file" : "files", in_lang(dsl::summary(rules->diags)));
    return rules->diags.has_errors() ? kExitRules : kExitOk;
}

void add_check(CLI::App& app, Run& run) {
    auto args = std::make_shared<CheckArgs>();
    CLI::App* cmd = app.add_subcommand("check", "Check rule files and report every problem found");
    cmd->add_option("paths", args->paths, "Rule files or directories (searched for *.ntm)")->required();
    cmd->add_flag("--werror", args->werror, "Treat warnings as errors");
    cmd->add_flag("--unconfirmed", args->unconfirmed,
                  "After the diagnostics, list every figure marked 'unconfirmed', by set, on stdout");
    cmd->add_option("--format", args->format, "Format of the --unconfirmed list: text or md (default: text)")
        ->check(CLI::IsMember({"text", "md"}));
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_check);
}

}  // namespace ntm::cli
