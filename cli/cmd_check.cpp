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
    std::string units = "official";  // --units: localities checked against the official lists, or not
};

}  // namespace

int run_check(const CheckArgs& args) {
    const auto rules = dsl::load_and_check(args.paths, args.werror, args.limits);
    if (args.units != "none") check_localities(*rules);
    fmt::print(stderr, "{}", text::render(rules->io_errors, lang()));
    fmt::print(stderr, "{}", dsl::render_all(rules->diags, rules->sources, color_stderr(), lang()));
    if (!rules->io_errors.empty()) return kExitUsage;
    if (args.unconfirmed) {
        fmt::print("{}", report::render_unconfirmed(dsl::unconfirmed_marks(rules->module), rules->sources,
                                                    lang(),
                                                    args.format == "md"));
    }
    print_done(text::say(rules->sources.size() == 1 ? "cli.files_checked.1" : "cli.files_checked", rules->sources.size(),
                         dsl::summary(rules->diags)));
    return rules->diags.has_errors() ? kExitRules : kExitOk;
}

void add_check(CLI::App& app, Run& run) {
    auto args = std::make_shared<CheckArgs>();
    CLI::App* cmd = app.add_subcommand("check", in_lang(text::say("cli.check")));
    cmd->add_option("paths", args->paths, in_lang(text::say("cli.opt.paths")))->required();
    cmd->add_flag("--werror", args->werror, in_lang(text::say("cli.check.werror")));
    cmd->add_flag("--unconfirmed", args->unconfirmed,
                  in_lang(text::say("cli.check.unconfirmed")));
    cmd->add_option("--format", args->format, in_lang(text::say("cli.check.format")))
        ->check(CLI::IsMember({"text", "md"}));
    cmd->add_option("--units", args->units, in_lang(text::say("cli.check.units")))
        ->check(CLI::IsMember({"official", "none"}));
    add_limit_option(*cmd, args->limits);
    on_chosen(*cmd, run, args, &run_check);
}

}  // namespace ntm::cli
